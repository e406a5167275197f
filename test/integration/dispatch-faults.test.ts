/**
 * The dispatch under faults: workers that die after claiming a letter, workers that die after SES
 * accepted a letter but before it was recorded, workers that die after the record but before the
 * ledger counted it, and 10 % of SES calls throttled. Nothing may be lost;
 * a letter may arrive twice only when its worker died in the send-to-record window.
 *
 * A crash is the one failure the stand-ins cannot produce, so it is injected: the patched step throws
 * and the invocation is then failed as a whole (as when Lambda's process dies: nothing of the batch is
 * deleted, the claim's lease stays until it expires).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { openCampaign } from '../fixtures/campaigns';
import { seedId, seedSignatures } from '../fixtures/signatures';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { Mailbox } from '../support/mailbox';
import { api, freePort, startStack, type RunningStack } from '../support/stack';
import { dispatchService, type DispatchStatus } from '../../local/dispatch-service';
import type { DispatchDeps } from '../../functions/use-cases/dispatch';
import type { Mission } from '../../functions/core/mission';

const CAMPAIGN = 'free-expression-2026';
/** `FAULT_LETTERS=10000` (as in `npm run soak`) runs the same faults over more letters. */
const LETTERS = Math.max(500, Number(process.env.FAULT_LETTERS ?? 500));
let stack: RunningStack;
let ses: FaultProxy;
let mailbox: Mailbox;
const invocation = new AsyncLocalStorage<{ crashed: boolean }>();

/** Letters whose worker dies right after claiming them, and those whose worker dies after SES accepted them. */
const crashAfterClaim = new Set(Array.from({ length: 10 }, (_, i) => seedId('fault', i * 37 + 3)));
const crashAfterSend = new Set(Array.from({ length: 10 }, (_, i) => seedId('fault', i * 41 + 5)));
/** Letters whose worker dies after their record, before the ledger counted them: the ledger is recounted. */
const crashAfterRecord = new Set(Array.from({ length: 5 }, (_, i) => seedId('fault', i * 43 + 7)));
const crashed = { afterClaim: 0, afterSend: 0, afterRecord: 0 };

class SimulatedCrash extends Error {
  override name = 'SimulatedCrash';
}

function crash(kind: keyof typeof crashed): never {
  crashed[kind]++;
  const store = invocation.getStore();
  if (store) store.crashed = true;
  throw new SimulatedCrash(kind);
}

const status = async () => (await api(stack, '/local/dispatch')).body as DispatchStatus;

beforeAll(async () => {
  const sesPort = await freePort();
  ses = await startFaultProxy(sesPort);
  const service = dispatchService({
    visibilityTimeoutSeconds: 1,
    scheduler: false,
    // A crashed invocation fails as a whole, as a dead Lambda process would.
    wrapWorker: (handler) => (event: SQSEvent) =>
      invocation.run({ crashed: false }, async (): Promise<SQSBatchResponse> => {
        const result = await handler(event);
        if (invocation.getStore()!.crashed) throw new SimulatedCrash('invocation died');
        return result;
      }),
  });
  stack = await startStack({
    inProcess: true,
    quiet: true,
    sesPort,
    campaignDir: openCampaign({ notifySignersAfterDispatch: false }),
    env: { AWS_ENDPOINT_URL_SESV2: ses.url, MAX_SEND_RATE: '400', DISPATCH_LEASE_SECONDS: '2', DISPATCH_WATCH_SECONDS: '1' },
    services: [service],
  });
  mailbox = new Mailbox(stack.sesUrl);

  // Crashes the stand-ins cannot produce, injected at the two points that matter.
  const deps = stack.load<typeof import('../../functions/handlers/dispatch-deps')>('functions/handlers/dispatch-deps').dispatchDeps() as DispatchDeps;
  const real = deps.letters;
  deps.letters = {
    ...Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(real))).filter(([k]) => k !== 'constructor').map(([k]) => [k, (real as unknown as Record<string, (...a: unknown[]) => unknown>)[k]!.bind(real)])),
    claim: async (campaignId: string, id: string, now: Date, leaseMs: number) => {
      const result = await real.claim(campaignId, id, now, leaseMs);
      if (result.claimed && crashAfterClaim.delete(id)) crash('afterClaim');
      return result;
    },
    recordSent: async (campaignId: string, id: string, messageId: string, now: Date) => {
      if (crashAfterSend.delete(id)) crash('afterSend');
      const recorded = await real.recordSent(campaignId, id, messageId, now);
      if (recorded && crashAfterRecord.delete(id)) crash('afterRecord');
      return recorded;
    },
  } as DispatchDeps['letters'];

  const { DynamoMissionDirectory } = stack.load<typeof import('../../functions/adapters/mission-directory')>('functions/adapters/mission-directory');
  const missions: Mission[] = (await new DynamoMissionDirectory(stack.tableName).list()).filter((m) => m.operating && m.email !== '').slice(0, 10);
  await seedSignatures({ tableName: stack.tableName, campaignId: CAMPAIGN, count: LETTERS, missionIds: missions.map((m) => m.id), prefix: 'fault' });

  // One SES call in ten is throttled (TooManyRequestsException), from the first letter to the last.
  ses.inject({ match: (r) => r.path.startsWith('/v2/email/outbound-emails') && Math.random() < 0.1, times: Infinity, mode: 'ses-throttle' });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await ses?.close();
});

it('loses no letter and sends one twice only where a worker died between SES and the record', async () => {
  expect((await api(stack, '/local/dispatch', { method: 'POST', body: {} })).status).toBe(200);
  const deadline = Date.now() + 150_000 + LETTERS * 30;
  let s = await status();
  while (!(s.status === 'dispatched' && s.queue.visible + s.queue.inFlight === 0)) {
    if (Date.now() > deadline) throw new Error(`dispatch did not finish: ${JSON.stringify(s.totals)} queue ${JSON.stringify(s.queue)}`);
    await new Promise((r) => setTimeout(r, 250));
    s = await status();
  }

  // Every crash happened, and throttling was really injected.
  expect(crashed).toEqual({ afterClaim: 10, afterSend: 10, afterRecord: 5 });
  expect(ses.failed).toBeGreaterThan(20);

  const mails = (await mailbox.all()).filter((m) => /fault Signer \d+/.test(m.body.text ?? ''));
  const perSigner = new Map<string, number>();
  for (const m of mails) {
    const who = /fault Signer (\d+)/.exec(m.body.text!)![1]!;
    perSigner.set(who, (perSigner.get(who) ?? 0) + 1);
  }
  // Nothing lost: every letter arrived.
  expect(perSigner.size).toBe(LETTERS);
  // Duplicates: at most one per crash in the send-to-record window, none elsewhere.
  const duplicates = [...perSigner.entries()].filter(([, n]) => n > 1);
  expect(duplicates.length).toBeLessThanOrEqual(crashed.afterSend);
  expect(duplicates.every(([, n]) => n === 2)).toBe(true);
  const sendWindow = new Set(Array.from({ length: 10 }, (_, i) => String(i * 41 + 5)));
  for (const [who] of duplicates) expect(sendWindow.has(who)).toBe(true);

  // The ledger counts each letter once (the adds lost with the after-record crashes were recounted from
  // the letters), and nothing is left for the dead-letter queue.
  expect(s.totals).toMatchObject({ queued: LETTERS, sent: LETTERS, failed: 0 });
  expect(s.deadLetters).toBe(0);
  console.log(`Dispatch faults: ${LETTERS} letters, ${crashed.afterClaim} crashes after the claim, ${crashed.afterSend} between SES and the record, ${crashed.afterRecord} between the record and the ledger, ${ses.failed} SES calls throttled: ${perSigner.size} delivered, 0 lost, ${duplicates.length} duplicate(s).`);
}, 200_000 + LETTERS * 30);
