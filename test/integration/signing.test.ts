/**
 * The signing flow through the local HTTP API, against dynalite and the local SES: what a signer,
 * an abuser and a reader of the live count each see.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/clients';
import { startStack, type RunningStack } from '../support/stack';
import { openCampaign } from '../fixtures/campaigns';

let stack: RunningStack;

const PARIS = 'gb-embassy-fr-paris';
const signer = (n: number, extra: Record<string, unknown> = {}) => ({
  fullName: `Signer Número ${n}`,
  country: 'BR',
  email: `signer${n}@example.org`,
  missionId: PARIS,
  consent: true,
  language: 'es',
  ...extra,
});

async function api(path: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${stack.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

async function mailsTo(address: string): Promise<{ subject: string; body: { text?: string; html?: string }; from: string }[]> {
  const res = await fetch(`${stack.sesUrl}/store`);
  const { emails } = (await res.json()) as { emails: { destination: { to: string[] }; subject: string; body: { text?: string }; from: string }[] };
  return emails.filter((e) => e.destination.to.includes(address));
}

async function linkIn(address: string, page: 'confirm' | 'remove', index = -1): Promise<string> {
  const mails = await mailsTo(address);
  const mail = mails.at(index);
  const m = new RegExp(`(https?://\\S+/(\\w+)/${page}\\.html\\?token=([\\w.%-]+))`).exec(mail?.body.text ?? '');
  if (!m) throw new Error(`no ${page} link in the mail to ${address}`);
  return decodeURIComponent(m[3]!);
}

async function storedSignatures() {
  const res = await dynamoClient().send(new ScanCommand({ TableName: stack.tableName, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'SIG#' } }));
  return res.Items ?? [];
}

beforeAll(async () => {
  stack = await startStack({
    inProcess: true,
    quiet: true,
    campaignDir: openCampaign({ rateLimits: { perMinute: 1000, perHour: 10000 } }),
    env: { STATS_MAX_AGE_SECONDS: '1' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('a signer', () => {
  it('signs, gets a confirmation mail in their language, confirms, and is counted', async () => {
    const before = await api('/api/stats');
    const signed = await api('/api/signatures', { body: signer(1) });
    expect(signed).toMatchObject({ status: 202, body: { status: 'pending' } });

    const [mail] = await mailsTo('signer1@example.org');
    expect(mail!.subject).toMatch(/Confirm|Confirme|confirm/i);
    expect(mail!.body.text).toContain('/es/confirm.html?token=');
    // Pending letters are not counted.
    expect((await api('/api/stats')).body.confirmed).toBe(before.body.confirmed);

    const confirmed = await api('/api/signatures/confirm', { body: { token: await linkIn('signer1@example.org', 'confirm') } });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'confirmed', missionId: PARIS } });

    await new Promise((r) => setTimeout(r, 1100)); // stats are cached in-process for a moment
    const after = await api('/api/stats');
    expect(after.body.confirmed).toBe(before.body.confirmed + 1);
    expect(after.body.byMission[PARIS]).toBe((before.body.byMission[PARIS] ?? 0) + 1);
    expect(after.body.byCountry.BR).toBe((before.body.byCountry.BR ?? 0) + 1);
  });

  it('who presses confirm twice is counted once', async () => {
    await api('/api/signatures', { body: signer(2) });
    const token = await linkIn('signer2@example.org', 'confirm');
    const first = await api('/api/signatures/confirm', { body: { token } });
    const second = await api('/api/signatures/confirm', { body: { token } });
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: { status: 'confirmed', missionId: PARIS } });
    const rows = (await storedSignatures()).filter((s) => s.email === 'signer2@example.org');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.counted).toBe(true);
  });

  it('signing again with the same address creates no second letter and no second mail within the hour', async () => {
    await api('/api/signatures', { body: signer(3) });
    const again = await api('/api/signatures', { body: signer(3, { email: 'Signer3+again@Example.org', missionId: 'gb-embassy-es-madrid' }) });
    expect(again).toMatchObject({ status: 202, body: { status: 'pending' } });
    const rows = (await storedSignatures()).filter((s) => String(s.email).toLowerCase().startsWith('signer3'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.missionId).toBe(PARIS);
    expect(await mailsTo('signer3@example.org')).toHaveLength(1);
    expect(await mailsTo('Signer3+again@Example.org')).toHaveLength(0);
  });

  it('still pending after an hour gets a fresh link on signing again, and the old link stops working', async () => {
    await api('/api/signatures', { body: signer(4) });
    const oldToken = await linkIn('signer4@example.org', 'confirm');
    await backdateLastMail('signer4@example.org');
    await api('/api/signatures', { body: signer(4) });
    expect(await mailsTo('signer4@example.org')).toHaveLength(2);
    expect((await api('/api/signatures/confirm', { body: { token: oldToken } })).status).toBe(400);
    const fresh = await api('/api/signatures/confirm', { body: { token: await linkIn('signer4@example.org', 'confirm') } });
    expect(fresh.status).toBe(200);
  });

  it('removes their signature with the link from the mail: the row and the count are gone', async () => {
    await api('/api/signatures', { body: signer(5, { missionId: 'gb-embassy-es-madrid', country: 'ES' }) });
    await api('/api/signatures/confirm', { body: { token: await linkIn('signer5@example.org', 'confirm') } });
    await new Promise((r) => setTimeout(r, 1100));
    const before = (await api('/api/stats')).body;
    const removed = await api('/api/signatures/remove', { body: { token: await linkIn('signer5@example.org', 'remove') } });
    expect(removed).toMatchObject({ status: 200, body: { status: 'removed' } });
    expect((await storedSignatures()).filter((s) => s.email === 'signer5@example.org')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1100));
    const after = (await api('/api/stats')).body;
    expect(after.confirmed).toBe(before.confirmed - 1);
    expect(after.byCountry.ES ?? 0).toBe((before.byCountry.ES ?? 0) - 1);
    // The link is single-use.
    expect((await api('/api/signatures/remove', { body: { token: await linkIn('signer5@example.org', 'remove') } })).status).toBe(400);
  });

  it('whose link has expired is told so and can sign again', async () => {
    await api('/api/signatures', { body: signer(6) });
    const token = await linkIn('signer6@example.org', 'confirm');
    const [row] = (await storedSignatures()).filter((s) => s.email === 'signer6@example.org');
    await dynamoClient().send(new UpdateCommand({ TableName: stack.tableName, Key: { pk: row!.pk, sk: row!.sk }, UpdateExpression: 'SET confirmExpiresAt = :past', ExpressionAttributeValues: { ':past': '2020-01-01T00:00:00.000Z' } }));
    const res = await api('/api/signatures/confirm', { body: { token } });
    expect(res).toMatchObject({ status: 410, body: { error: { code: 'token_expired', field: 'token' } } });
  });
});

async function backdateLastMail(email: string) {
  const [row] = (await storedSignatures()).filter((s) => s.email === email);
  await dynamoClient().send(new UpdateCommand({ TableName: stack.tableName, Key: { pk: row!.pk, sk: row!.sk }, UpdateExpression: 'SET lastMailAt = :past', ExpressionAttributeValues: { ':past': '2020-01-01T00:00:00.000Z' } }));
}

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing name', { fullName: undefined }, 'fullName'],
    ['a name with a line break', { fullName: 'Ana\r\nBcc: x@evil.test' }, 'fullName'],
    ['an oversize name', { fullName: 'N'.repeat(500) }, 'fullName'],
    ['an unknown country', { country: 'ZZ' }, 'country'],
    ['a malformed email', { email: 'ana at example' }, 'email'],
    ['a disposable email domain', { email: 'x@mailinator.com' }, 'email'],
    ['an unknown mission', { missionId: 'gb-embassy-xx-nowhere' }, 'missionId'],
    ['a mission that is not operating', { missionId: 'gb-embassy-af-kabul' }, 'missionId'],
    ['no consent', { consent: false }, 'consent'],
    ['a string for consent', { consent: 'true' }, 'consent'],
    ['a wrong type for reply permission', { shareEmail: 'yes' }, 'shareEmail'],
  ];

  it.each(cases)('%s is refused with a 4xx naming the field, and nothing is stored or mailed', async (_what, change, field) => {
    const email = `bad-${field}-${Math.random().toString(36).slice(2)}@example.org`;
    const before = (await storedSignatures()).length;
    const res = await api('/api/signatures', { body: { ...signer(0), email, ...change } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.field).toBe(field);
    expect(typeof res.body.error.message).toBe('string');
    // A provider the campaign blocks has its own code, so the page can say exactly that in its language.
    if (_what === 'a disposable email domain') expect(res.body.error.code).toBe('email_not_accepted');
    expect((await storedSignatures()).length).toBe(before);
    expect(await mailsTo(email)).toHaveLength(0);
  });

  it('a body that is not JSON, not an object, too large or of the wrong type gets a clear 4xx', async () => {
    expect((await api('/api/signatures', { raw: '{"fullName":' })).body.error).toMatchObject({ code: 'invalid_json', field: 'body' });
    expect((await api('/api/signatures', { raw: '[1,2]' })).status).toBe(400);
    expect((await api('/api/signatures', { raw: JSON.stringify({ ...signer(0), fullName: 'x'.repeat(20000) }) })).status).toBe(413);
    expect((await api('/api/signatures', { raw: 'fullName=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
  });

  it('a forged or malformed token confirms nothing', async () => {
    for (const token of ['', 'abc', 'A'.repeat(26) + '.' + 'B'.repeat(32), 42, null]) {
      const res = await api('/api/signatures/confirm', { body: { token } });
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_token', field: 'token' } } });
    }
  });

  it('a bot that fills the hidden field is told "pending" but nothing is stored or mailed', async () => {
    const before = (await storedSignatures()).length;
    const res = await api('/api/signatures', { body: { ...signer(7), website: 'http://spam.example' } });
    expect(res.status).toBe(202);
    expect((await storedSignatures()).length).toBe(before);
    expect(await mailsTo('signer7@example.org')).toHaveLength(0);
  });
});

describe('public reads', () => {
  it('the campaign says when the letters go out, in the requested language', async () => {
    const res = await api('/api/campaign?lang=fr');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'free-expression-2026', status: 'open', timeZone: 'Europe/London', languages: ['en', 'es', 'pt', 'fr'] });
    expect(res.body.dispatchAt).toBe('2099-12-10T09:00:00+00:00');
    expect(res.body.letter.subject.length).toBeGreaterThan(10);
  });

  it('the missions list has no email addresses and no missions that are not operating', async () => {
    const res = await api('/api/missions');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/@/);
    const ids = res.body.missions.map((m: { id: string }) => m.id);
    expect(ids).toContain(PARIS);
    expect(ids).not.toContain('gb-embassy-af-kabul');
    expect(res.body.missions.length).toBeGreaterThan(220);
    const india = res.body.missions.filter((m: { countryCode: string }) => m.countryCode === 'IN');
    expect(india[0].type).toBe('high-commission');
  });

  it('the count is cacheable and never shows an email', async () => {
    const res = await api('/api/stats');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.body).toEqual({ confirmed: expect.any(Number), byMission: expect.any(Object), byCountry: expect.any(Object), updatedAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/@/);
  });
});
