/**
 * The dispatch: starting it (once), working through the queue (enumerate letters, send each one paced),
 * and finishing it. Every step is safe to repeat: the queue may deliver a message twice, a worker may
 * die anywhere, the schedule may fire twice; no letter is lost, and one is sent twice only if a worker
 * died between SES accepting it and the record of that.
 */
import { campaignStatus, dispatchInstant, type Campaign } from '../core/campaign';
import {
  backoffMs,
  dispatchComplete,
  DOSSIER_INLINE_NAMES,
  ENUMERATE_PAGE,
  enumerationRanges,
  LEASE_MS,
  reconciliation,
  RECONCILE_AFTER_IDLE_CHECKS,
  settled,
  tallyOf,
  taskOf,
  totalLedger,
  WATCH_DELAY_SECONDS,
  emptyLedger,
  type DispatchMessage,
  type LedgerField,
  type LetterTally,
} from '../core/dispatch';
import { deliveredMail, dossierMail, letterMail, type DossierSignatory } from '../core/letter-mail';
import { acceptsEmail, type Mission } from '../core/mission';
import type { CampaignStateStore, Clock, Counters, Mailer, OutgoingMail } from '../core/ports';
import type { Signature } from '../core/signature';
import { formatForPeople } from '../core/time';
import type { ClaimResult } from '../adapters/letter-store';
import type { LedgerSnapshot } from '../adapters/delivery-ledger';
import { LETTER_INDEX_SHARDS } from '../adapters/keys';
import { MailThrottledError } from '../adapters/ses-mailer';
import { log } from '../logger';

export interface DispatchDeps {
  campaign: Campaign;
  campaignState: CampaignStateStore;
  counters: Counters;
  missions: { get(id: string): Promise<Mission | undefined>; list(): Promise<Mission[]> };
  letters: {
    page(campaignId: string, missionId: string, shard: number, limit: number, cursor?: string): Promise<{ ids: string[]; cursor?: string }>;
    pageSignatures(campaignId: string, missionId: string, shard: number, limit: number, cursor?: string): Promise<{ signatures: Signature[]; cursor?: string }>;
    markQueued(campaignId: string, id: string): Promise<boolean>;
    uncountWithdrawn(campaignId: string, id: string): Promise<boolean>;
    markNoAddress(campaignId: string, id: string): Promise<false | 'fresh' | 'was_queued'>;
    markDossier(campaignId: string, id: string, status: 'sent' | 'failed', messageIdOrReason: string, now: Date): Promise<boolean>;
    claim(campaignId: string, id: string, now: Date, leaseMs: number): Promise<ClaimResult>;
    recordSent(campaignId: string, id: string, messageId: string, now: Date): Promise<boolean>;
    recordFailed(campaignId: string, id: string, reason: string): Promise<boolean>;
    release(campaignId: string, id: string): Promise<void>;
    claimNotification(campaignId: string, id: string, now: Date): Promise<boolean>;
    deliveryStates(campaignId: string, missionId: string): Promise<(string | undefined)[]>;
  };
  dossiers: {
    claim(campaignId: string, missionId: string, now: Date, leaseMs: number): Promise<'claimed' | 'done' | 'busy'>;
    recordSent(campaignId: string, missionId: string, messageId: string, letters: number, now: Date): Promise<boolean>;
    recordFailed(campaignId: string, missionId: string, reason: string): Promise<boolean>;
    release(campaignId: string, missionId: string): Promise<void>;
  };
  ledger: {
    add(campaignId: string, missionId: string, field: LedgerField, n?: number): Promise<void>;
    startRun(campaignId: string, run: string, tasks: number): Promise<void>;
    isCurrentWatch(campaignId: string, run: string, seq: number): Promise<boolean>;
    stepDone(campaignId: string, run: string, step: string): Promise<boolean>;
    markStep(campaignId: string, run: string, step: string): Promise<void>;
    advanceWatch(campaignId: string, run: string, seq: number): Promise<boolean>;
    finishTask(campaignId: string, run: string, task: string): Promise<void>;
    read(campaignId: string): Promise<LedgerSnapshot>;
  };
  queue: { send(messages: DispatchMessage[], delaySeconds?: number): Promise<void> };
  pacer: { acquire(): Promise<number> };
  mailer: Mailer;
  clock: Clock;
  mailFrom: string;
  /** CSV writer for dossier attachments. */
  csv: (rows: string[][]) => string;
  /** How long a claim is held (default LEASE_MS); shorter in tests that simulate crashes. */
  leaseMs?: number;
  /** Seconds between completion checks (default WATCH_DELAY_SECONDS). */
  watchDelaySeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** What starting (and resuming) the dispatch needs. */
export type StartDeps = Pick<DispatchDeps, 'campaign' | 'campaignState' | 'counters' | 'missions' | 'ledger' | 'queue' | 'clock' | 'watchDelaySeconds'>;

const sleeper = (deps: DispatchDeps) => deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

/**
 * Starts the dispatch: closes signing (status `dispatching`) and enqueues the work. Only the first
 * call does anything: a second firing of the schedule sends nothing twice.
 */
export async function startDispatch(deps: StartDeps): Promise<{ started: boolean; missions: number; messages: number }> {
  const { campaign } = deps;
  if (!(await deps.campaignState.transition(campaign.id, 'open', 'dispatching'))) {
    log.info('dispatch.start_skipped', { campaignId: campaign.id, reason: 'already started' });
    return { started: false, missions: 0, messages: 0 };
  }
  const planned = await enqueueWork(deps);
  log.info('dispatch.started', { campaignId: campaign.id, ...planned });
  return { started: true, ...planned };
}

/**
 * Resumes a dispatch that stopped part-way (the queue was lost or purged, messages went to the
 * dead-letter queue, a local run was interrupted): enqueues the same work again. Letters already
 * sent are skipped by their claim, so resuming never sends a letter twice.
 */
export async function resumeDispatch(deps: StartDeps): Promise<{ resumed: boolean; missions: number; messages: number }> {
  const state = await deps.campaignState.get(deps.campaign.id);
  if (state?.status !== 'dispatching') return { resumed: false, missions: 0, messages: 0 };
  const planned = await enqueueWork(deps);
  log.info('dispatch.resumed', { campaignId: deps.campaign.id, ...planned });
  return { resumed: true, ...planned };
}

/**
 * The work of a dispatch. Missions with counted letters get about one enumeration per page of letters (at
 * most one per index shard, each walking its range of shards; they run in parallel); every other mission one sweep over all shards, so a letter the counters missed is still
 * found. In dossier mode a mission with a working address gets one dossier message instead.
 */
async function enqueueWork(deps: StartDeps): Promise<{ missions: number; messages: number }> {
  const { campaign } = deps;
  const byMission = (await deps.counters.read(campaign.id)).byMission;
  const directory = await deps.missions.list();
  const ids = [...new Set([...directory.map((m) => m.id), ...Object.keys(byMission)])].sort();
  const known = new Map(directory.map((m) => [m.id, m]));
  // A new run each time: tasks of an interrupted earlier run no longer count towards completion.
  const run = deps.clock.now().getTime().toString(36);
  const messages: DispatchMessage[] = [];
  let enumerations = 0;
  for (const missionId of ids) {
    const counted = (byMission[missionId] ?? 0) > 0;
    const mission = known.get(missionId);
    if (campaign.deliveryMode === 'dossier' && mission && acceptsEmail(mission)) {
      if (counted) messages.push({ kind: 'dossier', campaignId: campaign.id, run, missionId });
      continue;
    }
    if (counted) {
      for (const [first, last] of enumerationRanges(byMission[missionId]!, LETTER_INDEX_SHARDS)) {
        messages.push(
          first === last
            ? { kind: 'enumerate', campaignId: campaign.id, run, missionId, shard: first }
            : { kind: 'enumerate', campaignId: campaign.id, run, missionId, shard: first, lastShard: last, task: `enum#${missionId}#${first}-${last}` },
        );
        enumerations++;
      }
    } else {
      messages.push({ kind: 'enumerate', campaignId: campaign.id, run, missionId, shard: 0, lastShard: LETTER_INDEX_SHARDS - 1 });
      enumerations++;
    }
  }
  // Counted before they are enqueued, so the dispatch cannot look finished while they run.
  const dossiers = messages.length - enumerations;
  await deps.ledger.startRun(campaign.id, run, messages.length);
  if (dossiers > 0) log.info('dispatch.dossiers', { campaignId: campaign.id, dossiers });
  await deps.queue.send(messages);
  await deps.queue.send([{ kind: 'watch', campaignId: campaign.id, run, seq: 0 }], deps.watchDelaySeconds ?? WATCH_DELAY_SECONDS);
  return { missions: ids.filter((id) => (byMission[id] ?? 0) > 0).length, messages: messages.length };
}

/** Thrown to have the queue deliver a message again later (a busy letter, a passing failure). */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Handles one queue message. Throws RetryLater (or any error) to have it redelivered. */
export async function handleDispatchMessage(message: DispatchMessage, deps: DispatchDeps): Promise<void> {
  if (message.campaignId !== deps.campaign.id) {
    log.warn('dispatch.foreign_message', { campaignId: deps.campaign.id, messageCampaignId: message.campaignId, kind: message.kind });
    return;
  }
  switch (message.kind) {
    case 'enumerate':
      return enumerate(message, deps);
    case 'send':
      return sendLetter(message, deps);
    case 'dossier':
      return sendDossier(message, deps);
    case 'watch':
      return watch(message, deps);
    default:
      throw new Error(`Unknown dispatch message kind: ${(message as { kind: string }).kind}`);
  }
}

/** Runs `fn` over `items`, `width` at a time. */
async function eachLimited<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

async function enumerate(m: Extract<DispatchMessage, { kind: 'enumerate' }>, deps: DispatchDeps) {
  const { campaign } = deps;
  // A step redelivered after it was done (its batch died later) is skipped, so a crash never
  // duplicates the rest of a mission's walk over its shards.
  const step = `${taskOf(m)}|${m.shard}|${m.cursor ?? ''}`;
  if (await deps.ledger.stepDone(campaign.id, m.run, step)) return;
  const mission = await deps.missions.get(m.missionId);
  const page = await deps.letters.page(campaign.id, m.missionId, m.shard, ENUMERATE_PAGE, m.cursor);
  if (mission && acceptsEmail(mission) && campaign.deliveryMode !== 'dossier') {
    // Enqueued first, marked second: a crash in between leaves extra messages (harmless: a letter is
    // claimed once), never a queued letter without its message.
    await deps.queue.send(page.ids.map((signatureId) => ({ kind: 'send' as const, campaignId: campaign.id, signatureId, missionId: m.missionId })));
    let queued = 0;
    await eachLimited(page.ids, 25, async (id) => {
      if (await deps.letters.markQueued(campaign.id, id)) queued++;
    });
    await deps.ledger.add(campaign.id, m.missionId, 'queued', queued);
  } else {
    // No working address (or a dossier mission whose address failed): the letters go in the printed pack.
    let printed = 0;
    let wasQueued = 0;
    await eachLimited(page.ids, 25, async (id) => {
      const marked = await deps.letters.markNoAddress(campaign.id, id);
      if (marked) printed++;
      if (marked === 'was_queued') wasQueued++;
    });
    await deps.ledger.add(campaign.id, m.missionId, 'no_address', printed);
    await deps.ledger.add(campaign.id, m.missionId, 'queued', -wasQueued);
  }
  if (page.cursor) await deps.queue.send([{ ...m, cursor: page.cursor }]);
  else if (m.lastShard !== undefined && m.shard < m.lastShard) await deps.queue.send([{ ...m, shard: m.shard + 1, cursor: undefined }]);
  else await deps.ledger.finishTask(campaign.id, m.run, taskOf(m));
  await deps.ledger.markStep(campaign.id, m.run, step);
}

/** SES errors that will not change on a retry: the letter is recorded as failed, with the reason. */
const PERMANENT = /MessageRejected|MailFromDomainNotVerified|AccountSuspended|SendingPaused|NotFoundException|BadRequestException|InvalidParameter/;

type SendOutcome = { ok: true; messageId: string } | { ok: false; permanent: true; reason: string };

/** Sends one mail paced, retrying SES throttling with backoff. Throws RetryLater or a passing error. */
async function sendPaced(mail: OutgoingMail, deps: DispatchDeps, what: string): Promise<SendOutcome> {
  for (let attempt = 0; attempt < 6; attempt++) {
    await deps.pacer.acquire();
    try {
      return { ok: true, messageId: (await deps.mailer.send(mail)).messageId };
    } catch (e) {
      const err = e as Error;
      if (e instanceof MailThrottledError || err.name === 'MailThrottledError') {
        log.warn('dispatch.throttled', { campaignId: deps.campaign.id, what, attempt });
        await sleeper(deps)(backoffMs(attempt));
        continue;
      }
      if (PERMANENT.test(err.name) || PERMANENT.test(err.message)) return { ok: false, permanent: true, reason: `${err.name}: ${err.message}` };
      throw e;
    }
  }
  throw new RetryLater(`SES kept throttling ${what}`);
}

async function sendLetter(m: Extract<DispatchMessage, { kind: 'send' }>, deps: DispatchDeps): Promise<void> {
  const { campaign } = deps;
  const claim = await deps.letters.claim(campaign.id, m.signatureId, deps.clock.now(), deps.leaseMs ?? LEASE_MS);
  if (!claim.claimed) {
    if (claim.reason === 'busy') throw new RetryLater(`letter ${m.signatureId} is held by another worker`);
    // Withdrawn by its signer while queued: it leaves the count of letters to send.
    if (claim.reason === 'gone' && (await deps.letters.uncountWithdrawn(campaign.id, m.signatureId))) await deps.ledger.add(campaign.id, m.missionId, 'queued', -1);
    return; // or done already (a duplicate message)
  }
  const signature = claim.signature;
  const mission = await deps.missions.get(signature.missionId);
  if (!mission || !acceptsEmail(mission)) {
    // The address was found failing after the letter was queued: it goes in the printed pack.
    await deps.letters.release(campaign.id, signature.id);
    if ((await deps.letters.markNoAddress(campaign.id, signature.id)) === 'was_queued') {
      await deps.ledger.add(campaign.id, signature.missionId, 'queued', -1);
      await deps.ledger.add(campaign.id, signature.missionId, 'no_address', 1);
    }
    return;
  }
  const mail = letterMail({ campaign, signature, mission, fromAddress: deps.mailFrom });
  let outcome: SendOutcome;
  try {
    outcome = await sendPaced(mail, deps, `letter ${signature.id}`);
  } catch (e) {
    // Throttled for too long, or a passing failure: the letter is queued again for a later delivery.
    await deps.letters.release(campaign.id, signature.id);
    throw e;
  }
  if (!outcome.ok) {
    if (await deps.letters.recordFailed(campaign.id, signature.id, outcome.reason)) await deps.ledger.add(campaign.id, signature.missionId, 'failed', 1);
    log.error('dispatch.failed', { campaignId: campaign.id, signatureId: signature.id, missionId: signature.missionId, reason: outcome.reason.slice(0, 200) });
    return;
  }
  // Between SES accepting and this record is the only window in which a crash re-sends a letter.
  if (await deps.letters.recordSent(campaign.id, signature.id, outcome.messageId, deps.clock.now())) {
    await deps.ledger.add(campaign.id, signature.missionId, 'sent', 1);
  }
  log.info('dispatch.sent', { campaignId: campaign.id, signatureId: signature.id, missionId: signature.missionId });

  if (campaign.notifySignersAfterDispatch && (await deps.letters.claimNotification(campaign.id, signature.id, deps.clock.now()))) {
    const date = formatForPeople(deps.clock.now(), signature.language, campaign.timeZone);
    await notifyQuietly(deps, deliveredMail({ campaign, signature, missionName: mission.name, date, fromAddress: deps.mailFrom }), signature.id);
  }
}

/** The after-dispatch note is a courtesy: paced like letters, and its failure never fails the letter. */
async function notifyQuietly(deps: DispatchDeps, mail: OutgoingMail, signatureId: string) {
  try {
    await deps.pacer.acquire();
    await deps.mailer.send(mail);
  } catch (e) {
    log.warn('dispatch.notify_failed', { campaignId: deps.campaign.id, signatureId, error: (e as Error).name });
  }
}

/** Every confirmed letter of a mission, across the index shards. */
async function allSignatures(deps: DispatchDeps, missionId: string): Promise<Signature[]> {
  const out: Signature[] = [];
  for (let shard = 0; shard < LETTER_INDEX_SHARDS; shard++) {
    let cursor: string | undefined;
    do {
      const page = await deps.letters.pageSignatures(deps.campaign.id, missionId, shard, 1000, cursor);
      out.push(...page.signatures.filter((s) => s.status === 'confirmed'));
      cursor = page.cursor;
    } while (cursor);
  }
  return out.sort((a, b) => (a.confirmedAt ?? '').localeCompare(b.confirmedAt ?? '') || a.id.localeCompare(b.id));
}

/** Dossier mode: one mail per mission with the letter and every signatory (and a CSV of them). */
async function sendDossier(m: Extract<DispatchMessage, { kind: 'dossier' }>, deps: DispatchDeps): Promise<void> {
  const { campaign } = deps;
  const claim = await deps.dossiers.claim(campaign.id, m.missionId, deps.clock.now(), deps.leaseMs ?? LEASE_MS);
  if (claim === 'busy') throw new RetryLater(`the dossier of ${m.missionId} is held by another worker`);
  if (claim === 'done') {
    await deps.ledger.finishTask(campaign.id, m.run, taskOf(m));
    return;
  }
  const mission = await deps.missions.get(m.missionId);
  if (!mission || !acceptsEmail(mission)) {
    // The address failed since the start: the letters go in the printed pack instead.
    await deps.dossiers.release(campaign.id, m.missionId);
    // The enumeration finishes this message's task in its place.
    await deps.queue.send([{ kind: 'enumerate', campaignId: campaign.id, run: m.run, missionId: m.missionId, shard: 0, lastShard: LETTER_INDEX_SHARDS - 1, task: taskOf(m) }]);
    return;
  }
  const signatures = await allSignatures(deps, m.missionId);
  const signatories: DossierSignatory[] = signatures.map((s) => ({ fullName: s.fullName, country: s.country, confirmedAt: s.confirmedAt }));
  if (signatures.length > 0) {
    const mail = dossierMail({ campaign, mission, signatories, fromAddress: deps.mailFrom, inlineLimit: DOSSIER_INLINE_NAMES, csv: deps.csv });
    await deps.ledger.add(campaign.id, m.missionId, 'queued', signatures.length);
    let outcome: SendOutcome;
    try {
      outcome = await sendPaced(mail, deps, `dossier ${m.missionId}`);
    } catch (e) {
      await deps.ledger.add(campaign.id, m.missionId, 'queued', -signatures.length);
      await deps.dossiers.release(campaign.id, m.missionId);
      throw e;
    }
    const now = deps.clock.now();
    if (outcome.ok) {
      if (await deps.dossiers.recordSent(campaign.id, m.missionId, outcome.messageId, signatures.length, now)) {
        await eachLimited(signatures, 25, async (s) => void (await deps.letters.markDossier(campaign.id, s.id, 'sent', outcome.messageId, now)));
        await deps.ledger.add(campaign.id, m.missionId, 'sent', signatures.length);
      }
      log.info('dispatch.dossier_sent', { campaignId: campaign.id, missionId: m.missionId, letters: signatures.length });
    } else {
      if (await deps.dossiers.recordFailed(campaign.id, m.missionId, outcome.reason)) {
        await eachLimited(signatures, 25, async (s) => void (await deps.letters.markDossier(campaign.id, s.id, 'failed', outcome.reason, now)));
        await deps.ledger.add(campaign.id, m.missionId, 'failed', signatures.length);
      }
      log.error('dispatch.dossier_failed', { campaignId: campaign.id, missionId: m.missionId, reason: outcome.reason.slice(0, 200) });
    }
  } else {
    await deps.dossiers.recordSent(campaign.id, m.missionId, 'none', 0, deps.clock.now());
  }
  await deps.ledger.finishTask(campaign.id, m.run, taskOf(m));
}

/**
 * The completion check: marks the campaign dispatched when all is done, else looks again later. Only
 * the current link of the run's chain continues it (see DynamoDeliveryLedger.isCurrentWatch). The next
 * link is enqueued before this one is marked passed, so a crash in between leaves a spare link (which
 * ends at its own check), never a broken chain.
 *
 * When the letters stop settling for RECONCILE_AFTER_IDLE_CHECKS checks in a row although the ledger
 * says some are still to go, the ledger is recounted from the letters (see reconcileLedger).
 */
async function watch(m: Extract<DispatchMessage, { kind: 'watch' }>, deps: DispatchDeps): Promise<void> {
  const snapshot = await deps.ledger.read(deps.campaign.id);
  if (await finishIfComplete(deps, snapshot)) return;
  const state = await deps.campaignState.get(deps.campaign.id);
  if (state?.status !== 'dispatching') return;
  const run = m.run ?? snapshot.run;
  const seq = m.seq ?? 0;
  if (!run || !(await deps.ledger.isCurrentWatch(deps.campaign.id, run, seq))) return;
  const progress = settled(totalLedger(snapshot.missions));
  let idle = m.progress === progress ? (m.idle ?? 0) + 1 : 0;
  if (idle >= RECONCILE_AFTER_IDLE_CHECKS && snapshot.enumerationsPending <= 0) {
    idle = 0;
    if ((await reconcileLedger(deps, snapshot)) && (await finishIfComplete(deps))) return;
  }
  await deps.queue.send([{ kind: 'watch', campaignId: deps.campaign.id, run, seq: seq + 1, progress, idle }], deps.watchDelaySeconds ?? WATCH_DELAY_SECONDS);
  await deps.ledger.advanceWatch(deps.campaign.id, run, seq);
}

/**
 * Recounts the missions whose ledger shows letters still to go from the letters' own delivery states,
 * and adds the difference. A worker that dies between a letter's record and its ledger add leaves the
 * ledger one short for good (the redelivered message finds the letter done); without this the dispatch
 * would never show complete. The letters are counted before the ledger is read again, so a letter
 * recorded in between is at worst counted short, which the next recount repairs. Only a letter whose
 * own add is still on its way after a whole idle minute (a stalled worker) could be counted twice.
 * Returns whether anything was corrected.
 */
export async function reconcileLedger(deps: Pick<DispatchDeps, 'campaign' | 'ledger' | 'letters'>, snapshot: LedgerSnapshot): Promise<boolean> {
  const open = Object.entries(snapshot.missions)
    .filter(([, l]) => l.sent + l.failed < l.queued)
    .map(([id]) => id);
  if (open.length === 0) return false;
  const tallies = new Map<string, LetterTally>();
  await eachLimited(open, 4, async (missionId) => {
    const states = await deps.letters.deliveryStates(deps.campaign.id, missionId);
    // Letters without any delivery state yet: a dossier being sent (its letters are marked after SES
    // accepted it). Nothing to learn from them; the ledger is left as it is.
    if (states.length > 0 && states.every((s) => s === undefined)) return;
    tallies.set(missionId, tallyOf(states));
  });
  const now = (await deps.ledger.read(deps.campaign.id)).missions;
  let corrected = false;
  for (const [missionId, tally] of tallies) {
    const delta = reconciliation(now[missionId] ?? emptyLedger(), tally);
    const fields = Object.entries(delta) as [LedgerField, number][];
    if (fields.length === 0) continue;
    corrected = true;
    for (const [field, n] of fields) await deps.ledger.add(deps.campaign.id, missionId, field, n);
    log.warn('dispatch.ledger_reconciled', { campaignId: deps.campaign.id, missionId, ...delta });
  }
  return corrected;
}

/** Moves the campaign to `dispatched` once every enumeration ran and every queued letter is sent or failed. */
export async function finishIfComplete(deps: Pick<DispatchDeps, 'campaign' | 'ledger' | 'campaignState'>, known?: LedgerSnapshot): Promise<boolean> {
  const snapshot = known ?? (await deps.ledger.read(deps.campaign.id));
  if (!dispatchComplete(totalLedger(snapshot.missions), snapshot.enumerationsPending)) return false;
  if (await deps.campaignState.transition(deps.campaign.id, 'dispatching', 'dispatched')) log.info('dispatch.finished', { campaignId: deps.campaign.id, ...totalLedger(snapshot.missions) });
  return true;
}

/** Whether the schedule should fire now: the campaign is still open and its dispatch time has come. */
export function dueForDispatch(campaign: Campaign, state: Parameters<typeof campaignStatus>[1], now: Date): boolean {
  return (state?.status ?? 'open') === 'open' && now.getTime() >= dispatchInstant(campaign, state).getTime();
}
