/**
 * Load: LOAD_SIGNATURES (default 20,000) signatures from 64 concurrent clients through the local HTTP
 * API, then the confirmation of each from its mail. Accepted == stored == confirmed, no 5xx, and the
 * sharded counters equal the stored rows exactly. `LOAD_SIGNATURES=100000 npx jest load` soaks longer.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/clients';
import { ShardedCounters } from '../../functions/adapters/counters';
import { openCampaign } from '../fixtures/campaigns';
import { confirmLink, Mailbox } from '../support/mailbox';
import { withStack } from '../support/stack';

const SIGNATURES = Number(process.env.LOAD_SIGNATURES ?? 20_000);
const CLIENTS = 64;
const MISSIONS = ['gb-embassy-pe-lima', 'gb-embassy-fr-paris', 'gb-high-commission-ke-nairobi', 'gb-embassy-br-brasilia', 'gb-high-commission-in-new-delhi'];
const COUNTRIES = ['PE', 'FR', 'KE', 'BR', 'IN', 'DE', 'MX', 'JP'];

/** Runs `task(i)` for i in [0, n) with `clients` in flight; tallies the statuses. */
async function run(n: number, clients: number, task: (i: number) => Promise<number>) {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) {
        const status = await task(i);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

async function countItems(tableName: string, status: string): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await dynamoClient().send(
      new ScanCommand({ TableName: tableName, FilterExpression: 'begins_with(pk, :p) AND #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':p': 'SIG#', ':s': status }, Select: 'COUNT', ExclusiveStartKey }),
    );
    count += res.Count ?? 0;
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

describe(`load: ${SIGNATURES.toLocaleString('en')} signatures from ${CLIENTS} concurrent clients`, () => {
  // dynalite and the local SES in their own processes, as `npm start` runs them: the load is the API's.
  const stack = withStack({ inProcess: false, campaignDir: openCampaign({ rateLimits: { perMinute: 100_000_000, perHour: 1_000_000_000 } }), env: { STATS_MAX_AGE_SECONDS: '0' } });

  it('stores every accepted signature once, confirms each, and the counters equal the rows', async () => {
    const t0 = performance.now();
    const signed = await run(SIGNATURES, CLIENTS, async (i) => {
      const res = await fetch(`${stack.current.url}/api/signatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fullName: `Load Tester ${i}`, country: COUNTRIES[i % COUNTRIES.length], email: `load${i}@example.org`, missionId: MISSIONS[i % MISSIONS.length], consent: true }),
      });
      await res.arrayBuffer();
      return res.status;
    });
    const signSeconds = (performance.now() - t0) / 1000;
    expect(Object.fromEntries(signed)).toEqual({ 202: SIGNATURES });
    expect(await countItems(stack.current.tableName, 'pending')).toBe(SIGNATURES);

    // Every confirmation link, from the local mailbox.
    const mails = await new Mailbox(stack.current.sesUrl).all();
    const tokens = mails.filter((m) => m.subject.startsWith('Please confirm your signature')).map((m) => confirmLink(m).token);
    expect(tokens).toHaveLength(SIGNATURES);

    const t1 = performance.now();
    const confirmed = await run(tokens.length, CLIENTS, async (i) => {
      const res = await fetch(`${stack.current.url}/api/signatures/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: tokens[i] }) });
      await res.arrayBuffer();
      return res.status;
    });
    const confirmSeconds = (performance.now() - t1) / 1000;
    expect(Object.fromEntries(confirmed)).toEqual({ 200: SIGNATURES });

    const rows = await countItems(stack.current.tableName, 'confirmed');
    const counters = await new ShardedCounters(stack.current.tableName, 64).read('free-expression-2026');
    const stats = (await (await fetch(`${stack.current.url}/api/stats`)).json()) as { confirmed: number; byMission: Record<string, number> };
    expect(rows).toBe(SIGNATURES);
    expect(counters.confirmed).toBe(rows);
    expect(stats.confirmed).toBe(rows);
    expect(Object.values(stats.byMission).reduce((a, b) => a + b, 0)).toBe(rows);
    for (const [k, m] of MISSIONS.entries()) expect(stats.byMission[m]).toBe(Math.floor((SIGNATURES - k - 1) / MISSIONS.length) + 1);
    console.log(
      `Load: ${SIGNATURES} signatures from ${CLIENTS} clients: ${SIGNATURES} accepted (0 5xx) in ${signSeconds.toFixed(0)} s (${(SIGNATURES / signSeconds).toFixed(0)}/s), ` +
        `${SIGNATURES} stored, ${SIGNATURES} confirmed in ${confirmSeconds.toFixed(0)} s (${(SIGNATURES / confirmSeconds).toFixed(0)}/s); counters ${counters.confirmed} == rows ${rows}.`,
    );
  }, 1_800_000);
});
