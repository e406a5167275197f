/**
 * Ports: what the use cases need from the outside world. Each has one AWS implementation in
 * functions/adapters/ and, where AWS has no local stand-in, one in local/.
 */
import type { CampaignState } from './campaign';
import type { Mission } from './mission';
import type { Signature } from './signature';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Campaign state kept in the table (status, rescheduled dispatch time). */
export interface CampaignStateStore {
  get(campaignId: string): Promise<CampaignState | undefined>;
  /** Moves status from `from` to `to` atomically; false when the status was not `from`. */
  transition(campaignId: string, from: CampaignState['status'], to: CampaignState['status']): Promise<boolean>;
  setDispatchAtOverride(campaignId: string, instantIso: string): Promise<void>;
}

/** The missions directory. */
export interface MissionDirectory {
  list(): Promise<Mission[]>;
  get(id: string): Promise<Mission | undefined>;
}

/** Why a conditional change of a signature did not happen. */
export type SignatureChangeRefusal = 'not_found' | 'token_mismatch' | 'expired' | 'already_confirmed' | 'dispatched';

export interface SignatureStore {
  /** Stores a new signature unless one with the same id exists. */
  create(signature: Signature): Promise<'created' | 'exists'>;
  get(campaignId: string, id: string): Promise<Signature | undefined>;
  /**
   * pending -> confirmed when the stored confirm-token hash matches and has not expired; adds the
   * letter to the per-mission dispatch index. Returns the confirmed signature or why not.
   */
  confirm(campaignId: string, id: string, tokenHash: string, now: Date): Promise<{ ok: true; signature: Signature } | { ok: false; reason: SignatureChangeRefusal }>;
  /**
   * Claims the right to count a confirmed signature (sets `counted` if not yet set): only the caller
   * that gets true adds it to the counters, so a retried confirm never counts twice.
   */
  claimCount(campaignId: string, id: string): Promise<boolean>;
  /** Gives a claim back after the counters could not be updated, so a retry counts it. */
  releaseCount(campaignId: string, id: string): Promise<void>;
  /** Replaces a pending signature's confirm and remove tokens if its last mail is older than `mailedBefore`. */
  renewTokens(campaignId: string, id: string, tokens: { confirmHash: string; removeHash: string; expiresAt: string }, mailedBefore: Date, now: Date): Promise<boolean>;
  /**
   * Withdraws a signature whose remove-token hash matches and which dispatch has not taken: its
   * personal data is erased at once and it leaves the dispatch index; a tombstone (ids, mission,
   * country, whether it was counted) stays until the counts are corrected. A retry with the same
   * token resumes a withdrawal whose counts were not yet corrected.
   */
  remove(campaignId: string, id: string, removeTokenHash: string): Promise<{ ok: true; signature: Signature } | { ok: false; reason: SignatureChangeRefusal }>;
  /** Claims the correction of the counts for a withdrawn signature (once); false if already done or claimed. */
  claimUncount(campaignId: string, id: string): Promise<boolean>;
  /** Gives the claim back after the counters could not be updated. */
  releaseUncount(campaignId: string, id: string): Promise<void>;
  /** Deletes the tombstone of a withdrawn signature whose counts were corrected. */
  deleteWithdrawn(campaignId: string, id: string): Promise<void>;
}

/** A change to the public counts. */
export interface CountDelta {
  confirmed: number;
  /** Signatures withdrawn by their signer (kept as a count: the rows themselves are deleted). */
  removed?: number;
  missionId: string;
  country: string;
}

/** Totals as published by GET /api/stats. */
export interface CountSnapshot {
  confirmed: number;
  /** Withdrawn signatures (organiser figure, not published). */
  removed?: number;
  byMission: Record<string, number>;
  byCountry: Record<string, number>;
}

/** Sharded counters: each write lands on one of N keys; a read sums them. */
export interface Counters {
  add(campaignId: string, delta: CountDelta): Promise<void>;
  read(campaignId: string): Promise<CountSnapshot>;
}

/** A mail ready to hand to SES. Every string here has already been made safe by core/mail-safety. */
export interface OutgoingMail {
  to: string[];
  /** Bare address of a verified identity. */
  fromAddress: string;
  /** Display name for From (may carry a signer's name; sanitised). */
  fromName?: string;
  replyTo?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { fileName: string; contentType: string; content: Buffer }[];
  /** SES message tags (ASCII letters, digits, _ and - only), e.g. campaign, mission, letter ids. */
  tags?: Record<string, string>;
}

export interface Mailer {
  /** Sends one mail; resolves with SES's MessageId. Throws MailThrottledError when SES throttles. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** One fixed window of a rate limit: at most `limit` hits per `seconds`. */
export interface RateWindow {
  limit: number;
  seconds: number;
}

/** Fixed-window limiter keyed by scope and subject (an IP prefix, an email id...). */
export interface RateLimiter {
  /**
   * Counts one hit in every window at once (e.g. per minute and per hour). Windows must divide the
   * longest one. Refused when any window is over its limit; `retryAfterSeconds` is the longest wait.
   */
  hit(scope: string, subject: string, windows: readonly RateWindow[], now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** Private object storage for action photos (S3 on AWS, a local S3 stand-in on one machine). */
export interface PhotoStorage {
  /** A URL that accepts one PUT of exactly `size` bytes of `contentType` at `key`, for `ttlSeconds`. */
  presignPut(key: string, contentType: string, size: number, ttlSeconds: number): Promise<string>;
  /** A URL that reads the object at `key` for `ttlSeconds` (organisers' previews of photos awaiting moderation). */
  presignGet(key: string, ttlSeconds: number): Promise<string>;
  /** The object's bytes, or undefined when there is none; refuses objects over `maxBytes`. */
  get(key: string, maxBytes: number): Promise<{ body: Buffer } | { tooLarge: number } | undefined>;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Decodes an uploaded image and re-encodes it without any metadata (EXIF, GPS, XMP, comments). */
export interface ImageSanitizer {
  sanitize(input: Buffer): Promise<
    | { ok: true; type: 'image/jpeg' | 'image/png' | 'image/webp'; body: Buffer; width: number; height: number }
    | { ok: false; reason: string }
  >;
}
