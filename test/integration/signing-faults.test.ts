/**
 * Faults while signing: the table or the mail service failing in the middle of a request (injected by
 * a proxy in front of the stand-ins). The signer gets a clear "try again", nothing half-written is ever
 * counted, and the retry succeeds.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/clients';
import { keys } from '../../functions/adapters/keys';
import { openCampaign } from '../fixtures/campaigns';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { Mailbox, confirmLink, removeLink } from '../support/mailbox';
import { api, freePort, startStack, type RunningStack } from '../support/stack';

let stack: RunningStack;
let db: FaultProxy;
let ses: FaultProxy;
let mailbox: Mailbox;
const campaignId = 'free-expression-2026';
const LIMA = 'gb-embassy-pe-lima';

const signer = (n: number) => ({ fullName: `Fault Tester ${n}`, country: 'PE', email: `fault${n}@example.org`, missionId: LIMA, consent: true });
const dynamoTarget = (op: string, bodyIncludes?: string) => (r: { target: string; body: string }) => r.target.endsWith(`.${op}`) && (!bodyIncludes || r.body.includes(bodyIncludes));
const stats = async () => (await api(stack, '/api/stats')).body as { confirmed: number; byMission: Record<string, number> };
async function signatureRows() {
  const res = await dynamoClient().send(new ScanCommand({ TableName: stack.tableName, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'SIG#' }, ConsistentRead: true }));
  return res.Items ?? [];
}

beforeAll(async () => {
  const dynamoPort = await freePort();
  const sesPort = await freePort();
  db = await startFaultProxy(dynamoPort);
  ses = await startFaultProxy(sesPort);
  stack = await startStack({
    inProcess: true,
    quiet: true,
    dynamoPort,
    sesPort,
    campaignDir: openCampaign({ rateLimits: { perMinute: 1000, perHour: 10000 } }),
    // The handlers reach the stand-ins through the proxies; stats are read fresh.
    env: { AWS_ENDPOINT_URL_DYNAMODB: db.url, AWS_ENDPOINT_URL_SESV2: ses.url, STATS_MAX_AGE_SECONDS: '0' },
  });
  mailbox = new Mailbox(stack.sesUrl);
});
afterAll(async () => {
  await stack?.stop();
  await db?.close();
  await ses?.close();
});
afterEach(() => {
  db.clear();
  ses.clear();
});

function expectTryAgain(res: { status: number; headers: Headers; body: { error?: { code?: string; message?: string } } }) {
  expect(res.status).toBe(503);
  expect(res.body.error?.code).toBe('temporarily_unavailable');
  expect(res.body.error?.message).toMatch(/try again/i);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('a signer, while a service fails', () => {
  it('is asked to try again when the table fails to store the signature, and the retry succeeds', async () => {
    db.inject({ match: dynamoTarget('PutItem', 'SIG#'), times: Infinity, mode: 'error' });
    expectTryAgain(await api(stack, '/api/signatures', { body: signer(1) }));
    expect((await signatureRows()).filter((r) => r.country === 'PE' && String(r.missionId) === LIMA)).toHaveLength(0);
    expect(await mailbox.to('fault1@example.org')).toHaveLength(0);
    db.clear();
    expect((await api(stack, '/api/signatures', { body: signer(1) })).status).toBe(202);
    await mailbox.waitFor('fault1@example.org');
  });

  it('is asked to try again when the connection to the table drops, and nothing is left behind', async () => {
    db.inject({ match: dynamoTarget('PutItem', 'SIG#'), times: Infinity, mode: 'reset' });
    expectTryAgain(await api(stack, '/api/signatures', { body: signer(2) }));
    db.clear();
    expect((await signatureRows()).some((r) => r.email === 'fault2@example.org')).toBe(false);
  });

  it('is asked to try again when the confirmation mail cannot be sent; nothing is kept, and the retry succeeds', async () => {
    ses.inject({ match: (r) => r.method === 'POST' && r.path.startsWith('/v2/email/outbound-emails'), times: Infinity, mode: 'error' });
    const res = await api(stack, '/api/signatures', { body: signer(3) });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/try again/i);
    expect((await signatureRows()).some((r) => r.email === 'fault3@example.org')).toBe(false);
    ses.clear();
    expect((await api(stack, '/api/signatures', { body: signer(3) })).status).toBe(202);
    await mailbox.waitFor('fault3@example.org');
  });

  it('confirming while the counters fail: asked to try again, not counted, and counted exactly once on retry', async () => {
    const before = await stats();
    const token = confirmLink(await mailbox.latest('fault1@example.org')).token;
    db.inject({ match: dynamoTarget('UpdateItem', 'COUNT#'), times: Infinity, mode: 'error' });
    expectTryAgain(await api(stack, '/api/signatures/confirm', { body: { token } }));
    db.clear();
    expect((await stats()).confirmed).toBe(before.confirmed);
    expect((await api(stack, '/api/signatures/confirm', { body: { token } })).status).toBe(200);
    expect((await api(stack, '/api/signatures/confirm', { body: { token } })).status).toBe(200); // a double click
    const after = await stats();
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect(after.byMission[LIMA]).toBe((before.byMission[LIMA] ?? 0) + 1);
  });

  it('removing while the counters fail: personal data is gone at once, and the retry takes it off the count once', async () => {
    const before = await stats();
    const mail = await mailbox.latest('fault1@example.org');
    const token = removeLink(mail).token;
    const id = token.split('.')[0]!;
    db.inject({ match: dynamoTarget('UpdateItem', 'COUNT#'), times: Infinity, mode: 'throttle' });
    expectTryAgain(await api(stack, '/api/signatures/remove', { body: { token } }));
    db.clear();
    const tombstone = (await dynamoClient().send(new GetCommand({ TableName: stack.tableName, Key: keys.signature(campaignId, id), ConsistentRead: true }))).Item;
    expect(tombstone?.email).toBeUndefined();
    expect(tombstone?.fullName).toBeUndefined();
    expect((await stats()).confirmed).toBe(before.confirmed);
    expect((await api(stack, '/api/signatures/remove', { body: { token } })).status).toBe(200);
    expect((await api(stack, '/api/signatures/remove', { body: { token } })).status).toBe(400); // single use
    expect((await stats()).confirmed).toBe(before.confirmed - 1);
    expect((await dynamoClient().send(new GetCommand({ TableName: stack.tableName, Key: keys.signature(campaignId, id), ConsistentRead: true }))).Item).toBeUndefined();
  });

  it('ends with the public count equal to the confirmed rows, exactly', async () => {
    // Confirm the other surviving signer too, with a drop on the way.
    const token = confirmLink(await mailbox.latest('fault3@example.org')).token;
    db.inject({ match: dynamoTarget('UpdateItem', 'COUNT#'), times: 1, mode: 'reset' });
    const first = await api(stack, '/api/signatures/confirm', { body: { token } });
    expect([200, 503]).toContain(first.status);
    if (first.status === 503) expect((await api(stack, '/api/signatures/confirm', { body: { token } })).status).toBe(200);
    const confirmedRows = (await signatureRows()).filter((r) => r.status === 'confirmed').length;
    expect((await stats()).confirmed).toBe(confirmedRows);
    expect(db.failed).toBeGreaterThan(0);
  });
});
