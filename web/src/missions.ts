/**
 * The missions directory: every operating mission with address, phone and website, its letter and call
 * counts, a call script with the outcome log, and a form to report wrong contact details. Search and
 * filters work on the list in the page; everything from the API is inserted as text, never as markup.
 */
import { callApi, fill } from './ui';
import { countryNames, data, el, lang, loadMissions, option, partText, type PublicMission } from './part';

const t = partText();
const regions = data<Record<string, string>>('regions-data') ?? {};
const campaignTitle = data<{ title: string }>('campaign-data')?.title ?? '';
const nav = data<{ act: string; actions: string }>('nav-data') ?? { act: 'Deliver it in person', actions: 'Actions' };
const list = document.getElementById('missions') as HTMLUListElement;
const shown = document.getElementById('shown')!;
const q = document.getElementById('q') as HTMLInputElement;
const region = document.getElementById('region') as HTMLSelectElement;
const country = document.getElementById('countryFilter') as HTMLSelectElement;
const OUTCOMES = ['reached', 'voicemail', 'no_answer', 'refused'] as const;

/** "+33 (0) 1 44 51 31 00" -> "+33144513100": what a tel: link dials. */
export function dialable(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  return plus + phone.replace(/\(0\)/g, '').replace(/\D/g, '');
}

function card(m: PublicMission, letters: number, calls: number): HTMLLIElement {
  const countryName = countryNames.of(m.countryCode) ?? m.countryName;
  const headingId = `m-${m.id}`;
  const li = el('li', { className: 'card' });
  li.dataset.search = `${m.name} ${m.city} ${countryName} ${m.countryName}`.toLocaleLowerCase(lang);
  li.dataset.country = m.countryCode;
  li.dataset.region = regions[m.countryCode] ?? '';
  li.setAttribute('aria-labelledby', headingId);
  li.append(el('h2', { id: headingId }, m.name), el('p', { className: 'meta' }, `${t.types[m.type] ?? m.type} · ${m.city ? `${m.city}, ` : ''}${countryName}`));
  const facts = el('dl', { className: 'facts' });
  if (m.address) facts.append(el('dt', {}, t.address), el('dd', {}, m.address));
  if (m.phone) facts.append(el('dt', {}, t.phone), el('dd', {}, el('a', { href: `tel:${dialable(m.phone)}` }, m.phone)));
  if (/^https?:\/\//i.test(m.website)) facts.append(el('dt', {}, t.websiteLink), el('dd', {}, el('a', { href: m.website, rel: 'noopener noreferrer', target: '_blank' }, m.website.replace(/^https?:\/\/(www\.)?/, ''))));
  li.append(facts);
  const callCount = el('span', {}, fill(t.calls, { n: calls.toLocaleString(lang) }));
  li.append(el('p', { className: 'counts' }, fill(t.letters, { n: letters.toLocaleString(lang) }), ' · ', callCount));
  if (!m.acceptsEmail) li.append(el('p', { className: 'note' }, t.noEmailNote));
  li.append(el('p', { className: 'links' }, el('a', { href: `/${lang}/act.html?mission=${encodeURIComponent(m.id)}` }, nav.act), ' · ', el('a', { href: `/${lang}/actions.html?mission=${encodeURIComponent(m.id)}` }, nav.actions)));

  // Call-in: the script, then the outcome, counted per mission (no personal data).
  const callStatus = el('p', { className: 'note' });
  callStatus.setAttribute('role', 'status');
  const buttons = OUTCOMES.map((o) => {
    const b = el('button', { type: 'button', className: 'secondary' }, t.outcomes[o]);
    b.addEventListener('click', async () => {
      for (const x of buttons) x.disabled = true;
      const res = await callApi('/api/calls', { missionId: m.id, outcome: o });
      if (res.status === 202) {
        calls += 1;
        callCount.textContent = fill(t.calls, { n: calls.toLocaleString(lang) });
        callStatus.textContent = t.callThanks;
      } else {
        callStatus.textContent = res.status === 429 ? t.rateLimited : res.status === 0 ? t.network : t.serverUnavailable;
        for (const x of buttons) x.disabled = false;
      }
    });
    return b;
  });
  const legend = el('legend', {}, t.callLogLegend);
  li.append(lazyDetails(t.callScriptSummary, () => [el('p', { className: 'script' }, fill(t.callScript, { mission: m.name, title: campaignTitle })), el('fieldset', { className: 'outcomes' }, legend, ...buttons), callStatus]));

  // Wrong contact details: stored for the organisers; it never changes the data by itself.
  const msgId = `report-${m.id}`;
  const emailId = `report-email-${m.id}`;
  const message = el('textarea', { id: msgId, rows: 3, maxLength: 2000, required: true });
  const email = el('input', { id: emailId, type: 'email', autocomplete: 'email' });
  const reportStatus = el('p', { className: 'note' });
  reportStatus.setAttribute('role', 'status');
  const send = el('button', { type: 'submit', className: 'secondary' }, t.reportSend);
  const form = el('form', { noValidate: true }, el('label', { htmlFor: msgId }, t.reportMessage), message, el('label', { htmlFor: emailId }, t.reportEmail), email, send, reportStatus);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    send.disabled = true;
    const res = await callApi(`/api/missions/${encodeURIComponent(m.id)}/reports`, { message: message.value, email: email.value.trim() });
    send.disabled = false;
    if (res.status === 202) {
      form.reset();
      reportStatus.textContent = t.reportThanks;
      return;
    }
    const field = res.body.error?.field;
    (field === 'email' ? email : message).setAttribute('aria-invalid', 'true');
    reportStatus.textContent = res.body.error?.message ?? (res.status === 429 ? t.rateLimited : t.serverUnavailable);
  });
  li.append(lazyDetails(t.reportSummary, () => [form]));
  return li;
}

/** A disclosure whose content joins the page when first opened: 239 cards stay light on a cheap phone. */
function lazyDetails(summary: string, content: () => Node[]): HTMLDetailsElement {
  const details = el('details', {}, el('summary', {}, summary));
  let filled = false;
  details.addEventListener('toggle', () => {
    if (!details.open || filled) return;
    filled = true;
    details.append(...content());
  });
  return details;
}

function applyFilters() {
  const text = q.value.trim().toLocaleLowerCase(lang);
  let n = 0;
  for (const li of list.children as HTMLCollectionOf<HTMLLIElement>) {
    const visible = (!text || li.dataset.search!.includes(text)) && (!region.value || li.dataset.region === region.value) && (!country.value || li.dataset.country === country.value);
    li.hidden = !visible;
    if (visible) n++;
  }
  shown.textContent = n === 0 ? t.noMatch : fill(t.shown, { n: n.toLocaleString(lang) });
}

async function main() {
  shown.textContent = t.loading;
  const [missions, stats, calls] = await Promise.all([loadMissions(), callApi('/api/stats'), callApi('/api/calls')]);
  list.removeAttribute('aria-busy');
  if (!missions) {
    shown.textContent = t.unavailable;
    return;
  }
  const letters = (stats.body as { byMission?: Record<string, number> }).byMission ?? {};
  const callCounts = (calls.body as { byMission?: Record<string, Record<string, number>> }).byMission ?? {};
  const collator = new Intl.Collator(lang);
  const name = (m: PublicMission) => countryNames.of(m.countryCode) ?? m.countryName;
  // By country in the reader's language; within a country, the API's order (embassy first).
  const sorted = missions.map((m, i) => ({ m, i })).sort((a, b) => collator.compare(name(a.m), name(b.m)) || a.i - b.i).map((x) => x.m);
  list.replaceChildren(...sorted.map((m) => card(m, letters[m.id] ?? 0, Object.values(callCounts[m.id] ?? {}).reduce((a, b) => a + b, 0))));
  const codes = [...new Set(sorted.map((m) => m.countryCode))];
  country.append(...codes.map((c) => option(c, countryNames.of(c) ?? c)));
  const params = new URLSearchParams(location.search);
  if (params.get('country') && codes.includes(params.get('country')!)) country.value = params.get('country')!;
  for (const input of [q, region, country]) input.addEventListener(input === q ? 'input' : 'change', applyFilters);
  document.getElementById('filters')!.addEventListener('submit', (ev) => ev.preventDefault());
  applyFilters();
}

void main();
