/**
 * Dispatch, as pure rules: the work messages, a letter's delivery states, the ledger's shape, pacing
 * and the report. The queue, the table and SES are behind ports (functions/core/ports.ts).
 */

/** A unit of work on the dispatch queue. */
export type DispatchMessage =
  /**
   * Read one page of one mission's letter-index shard; enqueue its letters and the next page (or, up
   * to `lastShard`, the next shard: one message sweeps the shards of a mission with few letters).
   */
  | { kind: 'enumerate'; campaignId: string; run: string; missionId: string; shard: number; lastShard?: number; cursor?: string; task?: string }
  /** Send one letter. */
  | { kind: 'send'; campaignId: string; signatureId: string; missionId: string }
  /** One mail per mission listing every signatory (dossier mode). */
  | { kind: 'dossier'; campaignId: string; run: string; missionId: string }
  /** Checks whether everything enqueued is done, then marks the campaign dispatched; re-enqueued until it is. */
  | { kind: 'watch'; campaignId: string; run?: string; seq?: number; progress?: number; idle?: number };

/** The ledger's figures per mission. `no_address` letters are printed and delivered by hand. */
export const LEDGER_FIELDS = ['queued', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'no_address'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type MissionLedger = Record<LedgerField, number>;

export const emptyLedger = (): MissionLedger => ({ queued: 0, sent: 0, delivered: 0, bounced: 0, complained: 0, failed: 0, no_address: 0 });

/** How long a claimed letter stays reserved for its worker; after that another may take it over. */
export const LEASE_MS = 5 * 60 * 1000;

/** Letters read from the index per enumerate message. */
export const ENUMERATE_PAGE = 200;

/** Seconds between two checks of whether the dispatch has finished. */
export const WATCH_DELAY_SECONDS = 10;

/**
 * Completion checks in a row without progress (no letter newly sent, failed or set aside for the printed
 * pack) before the ledger is recounted from the letters themselves (about a minute at the default delay).
 */
export const RECONCILE_AFTER_IDLE_CHECKS = 6;

/** Signatories listed in the body of a dossier mail; the attached CSV always lists them all. */
export const DOSSIER_INLINE_NAMES = 1000;

/** Whether everything enqueued has reached a final state. */
export function dispatchComplete(totals: MissionLedger, enumerationsPending: number): boolean {
  return enumerationsPending <= 0 && totals.sent + totals.failed >= totals.queued;
}

/** Letters that reached a final state: what moves while a dispatch makes progress. */
export const settled = (l: MissionLedger) => l.sent + l.failed + l.no_address;

/** The letters' own delivery states of one mission, counted from the letters. */
export type LetterTally = Pick<MissionLedger, 'queued' | 'sent' | 'failed' | 'no_address'>;

/** Letters in the send path (queued, being sent, sent or failed) count as queued, as the ledger counts them. */
export function tallyOf(states: (string | undefined)[]): LetterTally {
  const t: LetterTally = { queued: 0, sent: 0, failed: 0, no_address: 0 };
  for (const s of states) {
    if (s === 'no_address') t.no_address++;
    else if (s === 'queued' || s === 'sending' || s === 'sent' || s === 'failed') {
      t.queued++;
      if (s === 'sent') t.sent++;
      if (s === 'failed') t.failed++;
    }
  }
  return t;
}

/**
 * What to add to a mission's ledger so that it says what its letters say. An add to the ledger can be
 * lost when a worker dies between a letter's record and that add (the letter is recorded, its message
 * then finds it done): the ledger would never show the dispatch complete.
 */
export function reconciliation(ledger: MissionLedger, tally: LetterTally): Partial<Record<LedgerField, number>> {
  const out: Partial<Record<LedgerField, number>> = {};
  for (const f of ['queued', 'sent', 'failed', 'no_address'] as const) if (tally[f] !== ledger[f]) out[f] = tally[f] - ledger[f];
  return out;
}

/** Sums per-mission ledgers. */
export function totalLedger(missions: Record<string, MissionLedger>): MissionLedger {
  const t = emptyLedger();
  for (const m of Object.values(missions)) for (const f of LEDGER_FIELDS) t[f] += m[f];
  return t;
}

/**
 * The share of the SES cap the pacer leaves unplanned: a send's way to SES takes a variable moment, so
 * a few sends of one second can reach SES in the next; 2% of the cap (whole mails: none below 50/s)
 * absorbs them. The local bench at a 120/s cap: busiest second 137 with all of a second's sends at its
 * start, 121 spread out, 119 with this.
 */
export const SEND_RATE_HEADROOM = 0.02;

/** The mails per second the pacer lets start for a cap of `maxPerSecond` (at least one). */
export function plannedSendRate(maxPerSecond: number): number {
  const cap = Math.floor(maxPerSecond);
  return Math.max(1, cap - Math.floor(cap * SEND_RATE_HEADROOM));
}

/** Seconds a dispatch of `letters` takes with a send cap of `rate` a second (plus notification mails). */
export function estimatedSeconds(letters: number, rate: number, notify: boolean): number {
  return Math.ceil((letters * (notify ? 2 : 1)) / plannedSendRate(Math.max(rate, 1)));
}

/** Exponential backoff with full jitter, capped (SES throttling). */
export function backoffMs(attempt: number, baseMs = 200, capMs = 10_000, random = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** One mission's line of the dispatch report. */
export interface ReportLine extends MissionLedger {
  missionId: string;
  name: string;
  countryCode: string;
  /** Why letters were not mailed: no address in the data, or the address failed (bounce/complaint). */
  addressProblem?: 'no_address' | 'failing';
}

/** The dispatch report: per mission, sorted with problems first, and the totals. */
export function dispatchReport(
  ledger: Record<string, MissionLedger>,
  missions: { id: string; name: string; countryCode: string; email: string; emailStatus: string }[],
): { lines: ReportLine[]; totals: MissionLedger; problems: number } {
  const byId = new Map(missions.map((m) => [m.id, m]));
  const lines: ReportLine[] = Object.entries(ledger).map(([missionId, l]) => {
    const m = byId.get(missionId);
    const addressProblem = !m || m.email === '' ? 'no_address' : m.emailStatus === 'failing' ? 'failing' : undefined;
    return { missionId, name: m?.name ?? missionId, countryCode: m?.countryCode ?? '', ...l, ...(addressProblem && (l.no_address > 0 || l.bounced > 0 || l.complained > 0 || addressProblem === 'failing') ? { addressProblem } : {}) };
  });
  const rank = (l: ReportLine) => (l.failed > 0 ? 0 : l.addressProblem ? 1 : l.bounced + l.complained > 0 ? 2 : 3);
  lines.sort((a, b) => rank(a) - rank(b) || a.countryCode.localeCompare(b.countryCode) || a.name.localeCompare(b.name));
  const totals = totalLedger(ledger);
  return { lines, totals, problems: lines.filter((l) => rank(l) < 3).length };
}

/** The task an enumeration or dossier message stands for (stable while a sweep moves through shards). */
/**
 * How a mission's letter index shards are split between enumeration messages: about one message per
 * page of letters, never more than one per shard. A mission of 60 letters gets one message that walks
 * all shards in turn; one of 100,000 letters one message per shard, all read in parallel.
 */
export function enumerationRanges(letters: number, shards: number, pageSize: number = ENUMERATE_PAGE): [number, number][] {
  const groups = Math.min(shards, Math.max(1, Math.ceil(letters / pageSize)));
  const out: [number, number][] = [];
  for (let g = 0; g < groups; g++) out.push([Math.floor((g * shards) / groups), Math.floor(((g + 1) * shards) / groups) - 1]);
  return out;
}

export function taskOf(m: Extract<DispatchMessage, { kind: 'enumerate' | 'dossier' }>): string {
  if (m.kind === 'dossier') return `dossier#${m.missionId}`;
  if (m.task) return m.task;
  return `enum#${m.missionId}#${m.lastShard === undefined ? m.shard : 'all'}`;
}
