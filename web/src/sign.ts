/**
 * The signing page: fills the mission choice from the API, checks the form with the same schema the API
 * uses, sends it, and keeps the live count fresh while the page is visible. Everything from the API or
 * the URL is inserted as text (textContent, option.text), never as markup.
 */
import { validateSignatureInput } from '../../functions/core/signature-input';
import { announce, callApi, fill, uiText } from './ui';

interface PublicMission {
  id: string;
  countryCode: string;
  name: string;
  city: string;
  type: string;
  acceptsEmail: boolean;
}

const t = uiText();
const lang = t.lang;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('sign-form');
const status = $<HTMLDivElement>('form-status');
const countEl = $<HTMLParagraphElement>('count');
const missionCountry = $<HTMLSelectElement>('missionCountry');
const missionSelect = $<HTMLSelectElement>('missionId');
const missionNote = $<HTMLParagraphElement>('mission-note');
const signerCountry = $<HTMLSelectElement>('country');
const sendButton = $<HTMLButtonElement>('send');
const FIELDS = ['fullName', 'country', 'email', 'missionId', 'consent', 'display'] as const;
type Field = (typeof FIELDS)[number];

let missions: PublicMission[] = [];
const chooseMissionLabel = missionSelect.options[0]?.text ?? '';

// ---- Missions: host countries with localised names, then the missions there (embassy first, as the API sorts them).
function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.text = text;
  return o;
}

function showMissionsFor(code: string) {
  const here = missions.filter((m) => m.countryCode === code);
  missionSelect.replaceChildren(option('', chooseMissionLabel));
  for (const m of here) missionSelect.add(option(m.id, m.city && !m.name.includes(m.city) ? `${m.name} (${m.city})` : m.name));
  missionSelect.disabled = here.length === 0;
  if (here.length >= 1) missionSelect.value = here[0]!.id;
  updateMissionNote();
}

function updateMissionNote() {
  const m = missions.find((x) => x.id === missionSelect.value);
  missionNote.hidden = !m || m.acceptsEmail;
  missionNote.textContent = m && !m.acceptsEmail ? t.noEmailNote : '';
}

async function loadMissions() {
  const res = await callApi('/api/missions');
  const list = (res.body as { missions?: PublicMission[] }).missions;
  if (res.status !== 200 || !Array.isArray(list)) {
    missionCountry.replaceChildren(option('', t.missionsUnavailable));
    return;
  }
  missions = list;
  const names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
  const collator = new Intl.Collator(lang);
  const codes = [...new Set(missions.map((m) => m.countryCode))]
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const chooseLabel = signerCountry.options[0]?.text ?? '';
  missionCountry.replaceChildren(option('', chooseLabel), ...codes.map((c) => option(c.code, c.name)));
  missionCountry.disabled = false;
  // Most signers write to the mission in their own country: follow their choice until they pick another.
  if (signerCountry.value && codes.some((c) => c.code === signerCountry.value)) {
    missionCountry.value = signerCountry.value;
    showMissionsFor(signerCountry.value);
  }
}

let missionCountryTouched = false;
missionCountry.addEventListener('change', () => {
  missionCountryTouched = true;
  showMissionsFor(missionCountry.value);
});
signerCountry.addEventListener('change', () => {
  if (!missionCountryTouched && missions.some((m) => m.countryCode === signerCountry.value)) {
    missionCountry.value = signerCountry.value;
    showMissionsFor(signerCountry.value);
  }
});
missionSelect.addEventListener('change', updateMissionNote);

const nameInput = $<HTMLInputElement>('fullName');
const preview = $<HTMLSpanElement>('preview-name');
nameInput.addEventListener('input', () => (preview.textContent = nameInput.value.trim() || '…'));

// ---- Errors tied to their fields, announced, focus on the first.
function setError(field: Field | 'body', message: string | undefined) {
  const el = document.getElementById(`${field}-error`);
  const input = field === 'display' ? null : (document.getElementById(field) as HTMLInputElement | null);
  if (el) {
    el.textContent = message ?? '';
    el.hidden = !message;
  }
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

function clearErrors() {
  for (const f of FIELDS) setError(f, undefined);
  status.hidden = true;
}

function showFieldError(field: string, message: string) {
  const f = (FIELDS as readonly string[]).includes(field) ? (field as Field) : undefined;
  if (!f) {
    announce(status, message, 'error');
    return;
  }
  setError(f, message);
  announce(status, `${t.errorSummary} ${message}`, 'error');
  const target = f === 'display' ? form.querySelector<HTMLInputElement>('input[name=display]') : document.getElementById(f);
  (target as HTMLElement | null)?.focus();
}

function readForm() {
  const data = new FormData(form);
  return {
    fullName: String(data.get('fullName') ?? ''),
    country: String(data.get('country') ?? ''),
    email: String(data.get('email') ?? ''),
    missionId: String(data.get('missionId') ?? ''),
    consent: data.get('consent') === 'on',
    shareEmail: data.get('shareEmail') === 'on',
    display: String(data.get('display') ?? 'initials'),
    language: lang,
    website: String(data.get('website') ?? ''),
  };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sendButton.disabled) return;
  clearErrors();
  const body = readForm();
  const checked = validateSignatureInput(body);
  if (!checked.ok) return showFieldError(checked.field, t.fields[checked.field as keyof typeof t.fields] ?? checked.message);

  sendButton.disabled = true;
  const label = sendButton.textContent;
  sendButton.textContent = t.sending;
  const res = await callApi('/api/signatures', body);
  sendButton.textContent = label;
  sendButton.disabled = false;
  if (res.status === 202) {
    const panel = document.createElement('div');
    panel.className = 'status ok';
    panel.tabIndex = -1;
    panel.setAttribute('role', 'status');
    const h = document.createElement('h3');
    h.textContent = t.sentHeading;
    const p = document.createElement('p');
    p.textContent = t.sentBody;
    panel.append(h, p);
    form.replaceWith(panel);
    status.hidden = true;
    panel.focus();
    return;
  }
  const err = res.body.error ?? {};
  if (res.status === 0) return announce(status, t.network, 'error');
  if (err.code === 'campaign_closed') return closeSigning();
  if (res.status === 429) return announce(status, t.rateLimited, 'error');
  if (res.status >= 500) return announce(status, t.unavailable, 'error');
  if (err.code === 'unknown_mission') return showFieldError('missionId', t.unknownMission);
  if (err.code === 'email_not_accepted') return showFieldError('email', t.blockedEmail);
  const field = err.field ?? 'body';
  showFieldError(field, t.fields[field as keyof typeof t.fields] ?? err.message ?? t.fields.body);
});

function closeSigning() {
  announce(status, t.closed, 'info');
  for (const el of Array.from(form.elements)) (el as HTMLInputElement).disabled = true;
}

// ---- Live count, fresh every 30 s while the page is visible.
const numberFormat = new Intl.NumberFormat(lang);
const plural = new Intl.PluralRules(lang);
async function refreshCount() {
  const res = await callApi('/api/stats');
  const n = (res.body as { confirmed?: unknown }).confirmed;
  if (res.status === 200 && typeof n === 'number') countEl.textContent = n > 0 ? fill(plural.select(n) === 'one' ? t.countOne : t.count, { n: numberFormat.format(n) }) : t.countZero;
}
let timer: ReturnType<typeof setInterval> | undefined;
function schedule() {
  clearInterval(timer);
  if (document.visibilityState === 'visible') {
    void refreshCount();
    timer = setInterval(refreshCount, 30_000);
  }
}
document.addEventListener('visibilitychange', schedule);
schedule();

// The status and dispatch time may have moved since the page was built.
void callApi(`/api/campaign?lang=${encodeURIComponent(lang)}`).then((res) => {
  if (res.status === 200 && res.body.status && res.body.status !== 'open') closeSigning();
});

void loadMissions();
