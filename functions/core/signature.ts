/**
 * A signature is one person's letter: who signed, for which mission, and where it is in its life
 * (pending -> confirmed -> queued -> sent). Pure domain: identity, dedup, tokens, display.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DisplayChoice } from './signature-input';
import type { Language } from './campaign';

export const SIGNATURE_STATUSES = ['pending', 'confirmed'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** Where a confirmed letter is in dispatch. Absent until dispatch enqueues it. */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'no_address'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How long a confirmation link stays valid. */
export const CONFIRM_TOKEN_TTL_MS = 7 * 24 * 3600 * 1000;
/** A repeat signature for a still-pending letter re-sends the confirmation at most this often. */
export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** A signature as stored. Personal data: fullName, email (never logged, purged after the campaign). */
export interface Signature {
  campaignId: string;
  /** Derived from the normalised email; carries no personal data itself. */
  id: string;
  status: SignatureStatus;
  fullName: string;
  email: string;
  country: string;
  missionId: string;
  language: Language;
  shareEmail: boolean;
  display: DisplayChoice;
  createdAt: string;
  confirmedAt?: string;
  confirmTokenHash: string;
  confirmExpiresAt: string;
  removeTokenHash: string;
  lastMailAt: string;
  /** Set once the confirmation has been added to the counters (makes counting idempotent). */
  counted?: boolean;
  deliveryStatus?: DeliveryStatus;
  leaseUntil?: string;
  sesMessageId?: string;
  sentAt?: string;
  failureReason?: string;
}

/**
 * The address used to recognise a repeat signer: lowercased, "+tag" dropped, and dots dropped for
 * Gmail (which ignores them). The mail still goes to the address exactly as typed.
 */
export function normaliseEmailForDedup(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  local = local.split('+')[0] ?? local;
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** Domain of an address, lowercased. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Stable signature id for (campaign, email): a keyed hash, so the id reveals nothing about the address. */
export function signatureId(campaignId: string, email: string): string {
  return createHash('sha256').update(`${campaignId}\n${normaliseEmailForDedup(email)}`).digest('base64url').slice(0, 26);
}

/** A fresh secret and the hash we store; the secret is only ever sent to the signer. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(24).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A token sent in mail links: "<signatureId>.<secret>". */
export function makeToken(id: string, secret: string): string {
  return `${id}.${secret}`;
}

/** Splits a token; undefined when it is not shaped like one of ours. */
export function parseToken(token: unknown): { id: string; secret: string } | undefined {
  if (typeof token !== 'string' || token.length > 100) return undefined;
  const m = /^([A-Za-z0-9_-]{26})\.([A-Za-z0-9_-]{32})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How a signer's name appears in public lists and letter packs. */
export function displayName(fullName: string, display: DisplayChoice): string | undefined {
  if (display === 'hidden') return undefined;
  if (display === 'full') return fullName;
  return fullName
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((part) => `${Array.from(part)[0]!.toLocaleUpperCase()}.`)
    .join(' ');
}
