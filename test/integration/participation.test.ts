/**
 * In-person actions with photos, co-signers, calls and contact reports through the local stack: every
 * route, bad input refused with the field named and nothing stored, photos checked and stripped on the
 * server, and nothing public before an organiser approves it.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { dynamoClient } from '../../functions/clients';
import { organizer as runCli } from '../support/organizer';
import { photoStorageService } from '../../local/object-store';
import { openCampaign } from '../fixtures/campaigns';
import { Mailbox, type StoredMail } from '../support/mailbox';
import { api, withStack } from '../support/stack';

const LIMA = 'gb-embassy-pe-lima';
const PARIS = 'gb-embassy-fr-paris';

/** The organiser CLI; output as one text. */
const organizer = async (args: string[], answers: string[] = []) => {
  const r = await runCli(args, { answers });
  return { code: r.code, text: r.text(), errors: r.errors() };
};

const contactToken = (mail: StoredMail) => {
  const m = /confirm-contact\.html\?kind=(action|cosigner)&token=([A-Za-z0-9_.%-]+)/.exec(mail.body.text ?? '');
  if (!m) throw new Error(`no contact link in: ${mail.body.text}`);
  return { kind: m[1], token: decodeURIComponent(m[2]!) };
};

/** A small JPEG carrying a camera name and a GPS position in its EXIF block. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 180, g: 30, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Witness X1' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '12/1 7/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '77/1 2/1 0/1' } })
    .toBuffer();
}

async function items(tableName: string, prefix: string) {
  const res = await dynamoClient().send(new ScanCommand({ TableName: tableName }));
  return (res.Items ?? []).filter((i) => String(i.pk).startsWith(prefix));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('participation beyond the letter', () => {
  const stack = withStack({ campaignDir: openCampaign(), services: [photoStorageService()] });
  const startsAt = new Date(Date.now() + 14 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const action = { organisation: 'Amnesty Group <b>Lima</b>', email: 'group@example.org', missionId: LIMA, startsAt, description: 'We hand the letter in at noon.\nBring a banner.', consent: true };
  let actionId = '';
  let uploadToken = '';

  async function upload(body: Buffer, declared: { contentType: string; size: number }) {
    const r = await api(stack.current, `/api/actions/${actionId}/photos`, { body: { uploadToken, ...declared } });
    if (r.status !== 201) return { request: r };
    const put = await fetch(r.body.uploadUrl as string, { method: 'PUT', headers: { 'content-type': declared.contentType }, body: new Uint8Array(body) });
    return { request: r, put, photoId: r.body.photoId as string };
  }

  const photoItem = async (photoId: string) => (await items(stack.current.tableName, 'ACTION#')).find((i) => i.sk === `PHOTO#${photoId}`);

  it('refuses a bad action with the field named, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...action, organisation: '' }, 'organisation'],
      [{ ...action, organisation: 'A\u0000B' }, 'organisation'],
      [{ ...action, email: 'not-an-email' }, 'email'],
      [{ ...action, missionId: 'gb-nowhere' }, 'missionId'],
      [{ ...action, startsAt: '10/12/2026' }, 'startsAt'],
      [{ ...action, startsAt: '2031-01-01T10:00:00Z' }, 'startsAt'],
      [{ ...action, description: 'x'.repeat(2001) }, 'description'],
      [{ ...action, consent: false }, 'consent'],
    ];
    for (const [body, field] of cases) {
      const r = await api(stack.current, '/api/actions', { body });
      expect([r.status, r.body.error?.field]).toEqual([400, field]);
    }
    expect((await api(stack.current, '/api/actions', { body: 'not json' })).body.error).toMatchObject({ code: 'invalid_json', field: 'body' });
    expect((await api(stack.current, '/api/actions', { body: JSON.stringify(action), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect(await items(stack.current.tableName, 'ACTION#')).toHaveLength(0);
  });

  it('registers an action, confirms its contact address by mail, and keeps it out of public view until approved', async () => {
    const r = await api(stack.current, '/api/actions', { body: action });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: 'pending', id: expect.stringMatching(/^[a-f0-9]{26}$/), uploadToken: expect.any(String) });
    actionId = r.body.id;
    uploadToken = r.body.uploadToken;

    const mail = await new Mailbox(stack.current.sesUrl).latest('group@example.org');
    expect(mail.subject).toMatch(/confirm your action/i);
    expect(mail.body.html).toContain('Amnesty Group &lt;b&gt;Lima&lt;/b&gt;');
    const { kind, token } = contactToken(mail);
    expect(kind).toBe('action');
    expect((await api(stack.current, '/api/actions/confirm', { body: { token: token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) } })).status).toBe(400);
    expect((await api(stack.current, '/api/actions/confirm', { body: { token } })).body).toEqual({ status: 'confirmed' });
    expect((await api(stack.current, '/api/actions/confirm', { body: { token } })).body.error.code).toBe('invalid_token');

    expect((await api(stack.current, '/api/actions')).body.actions).toEqual([]);
    const queue = await organizer(['moderate', 'list']);
    expect(queue.text).toMatch(/\[action\] [a-f0-9]{26}/);
    expect(queue.text).toContain('contact: group@example.org');
  });

  it('takes a photo with GPS data and publishes, once approved, a copy with no location or camera metadata', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes(Buffer.from('Witness X1'))).toBe(true);

    const { request, put, photoId } = await upload(original, { contentType: 'image/jpeg', size: original.length });
    expect(request.status).toBe(201);
    expect(request.body.uploadUrl).toMatch(new RegExp(`^${stack.current.url}/local-s3/`));
    expect(put!.status).toBe(200);
    const processed = await until('the photo to be processed', async () => ((await photoItem(photoId!))?.status === 'pending' ? await photoItem(photoId!) : undefined));
    expect(processed).toMatchObject({ type: 'image/jpeg', width: 320, height: 240 });

    // Not public before approval: neither listed nor reachable.
    expect((await api(stack.current, '/api/actions')).body.actions).toEqual([]);
    // The organiser sees it first through a link to the checked copy, already without its metadata.
    const listing = (await organizer(['moderate', 'list', '--kind', 'photo'])).text;
    const preview = /preview \(link valid 1 h\): (\S+)/.exec(listing)?.[1];
    expect(preview).toBeDefined();
    const seen = await fetch(preview!);
    expect(seen.status).toBe(200);
    const previewBytes = Buffer.from(await seen.arrayBuffer());
    const previewMeta = await sharp(previewBytes).metadata();
    expect(previewMeta).toMatchObject({ width: 320, height: 240 });
    expect(previewMeta.exif).toBeUndefined();
    expect(previewBytes.includes(Buffer.from('Witness X1'))).toBe(false);
    expect((await organizer(['moderate', 'approve', 'photo', `${actionId}/${photoId}`])).code).toBe(0);
    expect((await api(stack.current, '/api/actions')).body.actions).toEqual([]); // its action is not approved yet
    expect((await organizer(['moderate', 'approve', 'action', actionId])).code).toBe(0);

    const listed = (await api(stack.current, '/api/actions')).body.actions as { id: string; organisation: string; description: string; photos: { url: string }[] }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: actionId, organisation: 'Amnesty Group <b>Lima</b>', description: 'We hand the letter in at noon.\nBring a banner.' });
    expect(JSON.stringify(listed)).not.toContain('group@example.org');
    const res = await fetch(`${stack.current.url}${listed[0]!.photos[0]!.url}`);
    expect(res.status).toBe(200);
    const published = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(published).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(published.includes(Buffer.from('Exif'))).toBe(false);
    expect(published.includes(Buffer.from('Witness X1'))).toBe(false);
    // The original upload is gone; nothing but published copies is served.
    expect((await fetch(`${stack.current.url}/photos/../uploads/x`)).status).toBe(404);
  });

  it('refuses oversize, wrong-type and surplus photos on the server, whatever the browser said', async () => {
    expect((await upload(Buffer.alloc(10), { contentType: 'image/gif', size: 10 })).request.body.error.field).toBe('contentType');
    expect((await upload(Buffer.alloc(10), { contentType: 'image/png', size: 11 * 1024 * 1024 })).request.body.error.field).toBe('size');
    const wrongToken = await api(stack.current, `/api/actions/${actionId}/photos`, { body: { uploadToken: `${actionId}.${'A'.repeat(32)}`, contentType: 'image/png', size: 10 } });
    expect([wrongToken.status, wrongToken.body.error.code]).toEqual([400, 'invalid_token']);

    // Declared a PNG, sent text: refused after upload by the server's check.
    const text = Buffer.from('<script>alert(1)</script> not an image');
    const fake = await upload(text, { contentType: 'image/png', size: text.length });
    expect(fake.put!.status).toBe(200);
    await until('the fake to be refused', async () => ((await photoItem(fake.photoId!))?.status === 'rejected' ? true : undefined));
    expect(String((await photoItem(fake.photoId!))?.reason)).toMatch(/not an image/);

    // Declared 10 MB, sent one byte more: the stand-in lets it through, the server's check does not.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0xff);
    const over = await upload(big, { contentType: 'image/jpeg', size: 10 * 1024 * 1024 });
    await until('the oversize upload to be refused', async () => ((await photoItem(over.photoId!))?.status === 'rejected' ? true : undefined));
    expect(String((await photoItem(over.photoId!))?.reason)).toMatch(/too large/);

    // Five photos per action: one published and two refused so far, two more now, then no more.
    const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } }).png().toBuffer();
    for (let i = 0; i < 2; i++) expect((await upload(small, { contentType: 'image/png', size: small.length })).request.status).toBe(201);
    const sixth = await upload(small, { contentType: 'image/png', size: small.length });
    expect([sixth.request.status, sixth.request.body.error.code]).toEqual([409, 'photo_limit']);
    expect((await api(stack.current, '/api/actions')).body.actions[0].photos).toHaveLength(1);
  });

  it('lists co-signers only once confirmed and approved, each as they agreed to be shown', async () => {
    const mailbox = new Mailbox(stack.current.sesUrl);
    const bad = await api(stack.current, '/api/cosigners', { body: { kind: 'club', name: 'X', country: 'FR', email: 'a@example.org', consent: true } });
    expect(bad.body.error.field).toBe('kind');
    expect((await api(stack.current, '/api/cosigners', { body: { kind: 'organisation', name: 'Org', country: 'FR', website: 'javascript:alert(1)', email: 'a@example.org', consent: true } })).body.error.field).toBe('website');
    expect(await items(stack.current.tableName, 'COSIGNER#')).toHaveLength(0);

    const people = [
      { kind: 'organisation', name: 'Liberté Presse', country: 'FR', website: 'https://liberte.example.org', email: 'press@example.org', consent: true },
      { kind: 'individual', name: 'Ana Maria Souza', country: 'BR', email: 'ana@example.org', display: 'initials', consent: true },
      { kind: 'individual', name: 'Quiet Person', country: 'KE', email: 'quiet@example.org', display: 'hidden', consent: true },
    ];
    for (const p of people) {
      expect((await api(stack.current, '/api/cosigners', { body: p })).status).toBe(202);
      const { kind, token } = contactToken(await mailbox.latest(p.email));
      expect(kind).toBe('cosigner');
      expect((await api(stack.current, '/api/cosigners/confirm', { body: { token } })).status).toBe(200);
    }
    // A repeat: same answer, no second entry.
    expect((await api(stack.current, '/api/cosigners', { body: people[0] })).status).toBe(202);
    expect(await items(stack.current.tableName, 'COSIGNER#')).toHaveLength(3);

    expect((await api(stack.current, '/api/cosigners')).body).toMatchObject({ cosigners: [], hidden: 0 });
    const queue = JSON.parse((await organizer(['moderate', 'list', '--kind', 'cosigner', '--json'])).text) as { ref: string; item: { name: string } }[];
    expect(queue.map((e) => e.item.name).sort()).toEqual(['Ana Maria Souza', 'Liberté Presse', 'Quiet Person']);
    for (const e of queue) expect((await organizer(['moderate', 'approve', 'cosigner', e.ref])).code).toBe(0);

    const list = (await api(stack.current, '/api/cosigners')).body;
    expect(list.cosigners).toEqual([
      { id: expect.any(String), kind: 'organisation', name: 'Liberté Presse', country: 'FR', website: 'https://liberte.example.org' },
      { id: expect.any(String), kind: 'individual', name: 'A. M. S.', country: 'BR' },
    ]);
    expect(list.hidden).toBe(1);
    expect(JSON.stringify(list)).not.toMatch(/@example\.org|Quiet/);
  });

  it('counts call outcomes per mission, without personal data, and slows a flood', async () => {
    expect((await api(stack.current, '/api/calls', { body: { missionId: LIMA, outcome: 'shouted' } })).body.error.field).toBe('outcome');
    expect((await api(stack.current, '/api/calls', { body: { missionId: 'gb-nowhere', outcome: 'reached' } })).body.error.field).toBe('missionId');
    for (const outcome of ['reached', 'voicemail', 'voicemail', 'no_answer', 'refused']) {
      expect((await api(stack.current, '/api/calls', { body: { missionId: LIMA, outcome } })).status).toBe(202);
    }
    expect((await api(stack.current, '/api/calls')).body.byMission[LIMA]).toEqual({ reached: 1, voicemail: 2, no_answer: 1, refused: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await api(stack.current, '/api/calls', { body: { missionId: PARIS, outcome: 'reached' } })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await api(stack.current, '/api/calls')).body.byMission[PARIS].reached).toBe(statuses.filter((s) => s === 202).length);
  });

  it('stores a report of wrong contact details for moderation without changing the mission', async () => {
    expect((await api(stack.current, `/api/missions/gb-nowhere/reports`, { body: { message: 'Phone is wrong' } })).status).toBe(404);
    expect((await api(stack.current, `/api/missions/${PARIS}/reports`, { body: { message: '' } })).body.error.field).toBe('message');
    expect((await api(stack.current, `/api/missions/${PARIS}/reports`, { body: { message: 'ok', email: 'nope' } })).body.error.field).toBe('email');
    const before = (await api(stack.current, '/api/missions')).body.missions.find((m: { id: string }) => m.id === PARIS);
    expect((await api(stack.current, `/api/missions/${PARIS}/reports`, { body: { message: 'The phone number is now +33 1 44 51 31 00 ext. 2', email: 'helper@example.org' } })).status).toBe(202);
    const queue = JSON.parse((await organizer(['moderate', 'list', '--kind', 'report', '--json'])).text) as { ref: string }[];
    expect(queue).toHaveLength(1);
    expect((await api(stack.current, '/api/missions')).body.missions.find((m: { id: string }) => m.id === PARIS)).toEqual(before);
    expect((await organizer(['moderate', 'reject', 'report', queue[0]!.ref])).code).toBe(1); // a reason is required
    expect((await organizer(['moderate', 'approve', 'report', queue[0]!.ref])).text).toMatch(/Approved report/);
    expect(JSON.parse((await organizer(['moderate', 'list', '--kind', 'report', '--json'])).text)).toHaveLength(0);
  });

  it('works through the queue interactively, and a rejected action takes its photos with it', async () => {
    const r = await api(stack.current, '/api/actions', { body: { ...action, organisation: 'Second Group', email: 'second@example.org' } });
    const { token } = contactToken(await new Mailbox(stack.current.sesUrl).latest('second@example.org'));
    await api(stack.current, '/api/actions/confirm', { body: { token } });
    actionId = r.body.id;
    uploadToken = r.body.uploadToken;
    const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } }).webp().toBuffer();
    const { photoId } = await upload(small, { contentType: 'image/webp', size: small.length });
    await until('the photo to be processed', async () => ((await photoItem(photoId!))?.status === 'pending' ? true : undefined));

    // Rejecting the action rejects its photo too.
    const run = await organizer(['moderate', '--kind', 'action'], ['r', 'Not about this campaign', 'q']);
    expect(run.code).toBe(0);
    expect(run.text).toMatch(/1\/1\n\[action\]/);
    expect(run.text).toMatch(/Approved 0, rejected 1/);
    expect(JSON.parse((await organizer(['moderate', 'list', '--json'])).text).filter((e: { ref: string }) => e.ref.startsWith(actionId))).toHaveLength(0);
    expect(await photoItem(photoId!)).toMatchObject({ status: 'rejected', reason: 'the action was not approved' });
    expect((await api(stack.current, '/api/actions')).body.actions.map((a: { organisation: string }) => a.organisation)).toEqual(['Amnesty Group <b>Lima</b>']);
  });
});
