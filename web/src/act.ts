/**
 * The in-person action form: checks with the API's own schema, registers the action, then uploads each
 * photo straight to storage with the presigned PUT the API hands out (type and size checked here for a
 * quick answer, and again on the server, which also removes location and camera data).
 */
import { ACTION_FIELDS, PARTICIPATION_LIMITS, PHOTO_TYPES, actionInputSchema, validateBody } from '../../functions/core/participation-input';
import { announce, callApi, fill } from './ui';
import { failure, fieldErrors, lang, missionChoice, partText } from './part';

const t = partText();
const form = document.getElementById('act-form') as HTMLFormElement;
const status = document.getElementById('form-status')!;
const submit = document.getElementById('submit') as HTMLButtonElement;
const photos = document.getElementById('photos') as HTMLInputElement;
const errors = fieldErrors([...ACTION_FIELDS, 'photos'], status, t.errorSummary);

void missionChoice(t);

function photoProblem(files: File[]): string | undefined {
  if (files.length > PARTICIPATION_LIMITS.photos) return t.tooManyPhotos;
  for (const f of files) {
    if (!(PHOTO_TYPES as readonly string[]).includes(f.type)) return fill(t.photoWrongType, { name: f.name });
    if (f.size > PARTICIPATION_LIMITS.photoBytes) return fill(t.photoTooLarge, { name: f.name });
  }
  return undefined;
}

async function uploadPhoto(actionId: string, uploadToken: string, file: File): Promise<boolean> {
  const grant = await callApi(`/api/actions/${actionId}/photos`, { uploadToken, contentType: file.type, size: file.size });
  if (grant.status !== 201) return false;
  const { uploadUrl, headers } = grant.body as { uploadUrl: string; headers: Record<string, string> };
  try {
    const put = await fetch(uploadUrl, { method: 'PUT', headers, body: file });
    return put.ok;
  } catch {
    return false;
  }
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  errors.clear();
  const fd = new FormData(form);
  const local = String(fd.get('startsAt') ?? '');
  const when = local ? new Date(local) : undefined;
  const body = {
    organisation: String(fd.get('organisation') ?? ''),
    email: String(fd.get('email') ?? ''),
    missionId: String(fd.get('missionId') ?? ''),
    startsAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : local,
    description: String(fd.get('description') ?? ''),
    consent: fd.get('consent') === 'on',
    language: lang,
    fax: String(fd.get('fax') ?? ''),
  };
  const files = [...(photos.files ?? [])];
  const checked = validateBody(actionInputSchema, body, ACTION_FIELDS);
  if (!checked.ok) return errors.show(checked.field, checked.message, t.fields);
  const photoError = photoProblem(files);
  if (photoError) return errors.show('photos', photoError);

  submit.disabled = true;
  announce(status, t.sending, 'info');
  const res = await callApi('/api/actions', body);
  if (res.status !== 202) {
    submit.disabled = false;
    return res.body.error?.code === 'email_not_accepted' ? errors.show('email', t.blockedEmail) : errors.show(res.body.error?.field, failure(t, res.status, res.body.error?.message), res.status === 400 ? t.fields : undefined);
  }
  const { id, uploadToken } = res.body as { id: string; uploadToken: string };
  const refused: string[] = [];
  for (const [i, file] of files.entries()) {
    announce(status, fill(t.uploading, { n: String(i + 1), total: String(files.length) }), 'info');
    if (!(await uploadPhoto(id, uploadToken, file))) refused.push(file.name);
  }
  form.hidden = true;
  announce(status, refused.length ? `${t.actSent} ${fill(t.photosRefused, { names: refused.join(', ') })}` : t.actSent, 'ok');
});
