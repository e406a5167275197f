/** Co-signers: the approved list (each as they agreed to be shown) and the form to ask to be added. */
import { COSIGNER_FIELDS, cosignerInputSchema, validateBody } from '../../functions/core/participation-input';
import { announce, callApi, fill } from './ui';
import { countryNames, el, failure, fieldErrors, lang, partText } from './part';

const t = partText();
const list = document.getElementById('cosigners') as HTMLUListElement;
const hidden = document.getElementById('hidden-count')!;
const form = document.getElementById('cosign-form') as HTMLFormElement;
const status = document.getElementById('form-status')!;
const submit = document.getElementById('submit') as HTMLButtonElement;
const errors = fieldErrors(COSIGNER_FIELDS, status, t.errorSummary);

interface PublicCosigner {
  id: string;
  kind: 'individual' | 'organisation';
  name: string;
  country: string;
  website?: string;
}

async function showList() {
  const res = await callApi('/api/cosigners');
  list.removeAttribute('aria-busy');
  const body = res.body as { cosigners?: PublicCosigner[]; hidden?: number };
  if (res.status !== 200 || !Array.isArray(body.cosigners)) {
    hidden.textContent = t.unavailable;
    return;
  }
  list.replaceChildren(
    ...body.cosigners.map((c) => {
      const name = c.website && /^https?:\/\//i.test(c.website) ? el('a', { href: c.website, rel: 'noopener noreferrer nofollow', target: '_blank' }, c.name) : el('span', {}, c.name);
      return el('li', { className: c.kind }, name, `, ${countryNames.of(c.country) ?? c.country}`);
    }),
  );
  hidden.textContent = body.cosigners.length === 0 && !body.hidden ? t.cosignNone : body.hidden ? fill(t.hiddenCount, { n: body.hidden.toLocaleString(lang) }) : '';
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  errors.clear();
  const fd = new FormData(form);
  const body = {
    kind: String(fd.get('kind') ?? ''),
    name: String(fd.get('name') ?? ''),
    country: String(fd.get('country') ?? ''),
    website: String(fd.get('website') ?? '').trim(),
    email: String(fd.get('email') ?? ''),
    display: String(fd.get('display') ?? 'full'),
    consent: fd.get('consent') === 'on',
    language: lang,
    fax: String(fd.get('fax') ?? ''),
  };
  const checked = validateBody(cosignerInputSchema, body, COSIGNER_FIELDS);
  if (!checked.ok) return errors.show(checked.field, checked.message, t.fields);
  submit.disabled = true;
  announce(status, t.sending, 'info');
  const res = await callApi('/api/cosigners', body);
  submit.disabled = false;
  if (res.status !== 202) return res.body.error?.code === 'email_not_accepted' ? errors.show('email', t.blockedEmail) : errors.show(res.body.error?.field, failure(t, res.status, res.body.error?.message), res.status === 400 ? t.fields : undefined);
  form.hidden = true;
  announce(status, t.cosignSent, 'ok');
});

void showList();
