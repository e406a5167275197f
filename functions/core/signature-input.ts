/**
 * The one validation schema for a signature, used by POST /api/signatures and by the signing form
 * (web/ imports this file; keep it free of Node and AWS imports so the page bundle stays tiny).
 */
import * as v from 'valibot';
import { COUNTRY_CODES } from './countries';
import { validateBody, type Checked } from './validate';

export const LIMITS = { fullName: 120, email: 254, missionId: 80 } as const;

// Control characters, and the bidi overrides that can disguise a name. ZWJ/ZWNJ stay allowed:
// Persian, Indic and emoji sequences need them.
const FORBIDDEN_IN_NAME = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

export const DISPLAY_CHOICES = ['full', 'initials', 'hidden'] as const;
export type DisplayChoice = (typeof DISPLAY_CHOICES)[number];

/** Field names in the order a person meets them on the form; the first invalid one is reported. */
export const SIGNATURE_FIELDS = ['fullName', 'country', 'email', 'missionId', 'consent', 'shareEmail', 'display', 'language'] as const;

export const signatureInputSchema = v.object({
  fullName: v.pipe(
    v.string('Enter your full name.'),
    v.normalize('NFC'),
    v.trim(),
    v.nonEmpty('Enter your full name.'),
    v.maxLength(LIMITS.fullName, `Your name can be at most ${LIMITS.fullName} characters.`),
    v.check((s) => !FORBIDDEN_IN_NAME.test(s), 'Your name contains characters that cannot be printed.'),
    v.regex(/\p{L}/u, 'Your name must contain letters.'),
    // Collapse runs of spaces so "Ana  Silva" and "Ana Silva" print the same.
    v.transform((s) => s.replace(/\s+/gu, ' ')),
  ),
  country: v.pipe(v.string('Choose your country.'), v.picklist(COUNTRY_CODES as string[], 'Choose your country.')),
  email: v.pipe(
    v.string('Enter your email address.'),
    v.trim(),
    v.nonEmpty('Enter your email address.'),
    v.maxLength(LIMITS.email, 'This email address is too long.'),
    v.email('Enter a valid email address, like name@example.org.'),
  ),
  missionId: v.pipe(
    v.string('Choose the mission that should receive your letter.'),
    v.nonEmpty('Choose the mission that should receive your letter.'),
    v.maxLength(LIMITS.missionId, 'Choose one of the listed missions.'),
    v.regex(/^[a-z0-9-]+$/, 'Choose one of the listed missions.'),
  ),
  consent: v.literal(true, 'Tick the box to agree that the letter is sent in your name.'),
  shareEmail: v.optional(v.boolean('Reply permission must be true or false.'), false),
  display: v.optional(v.picklist(DISPLAY_CHOICES, 'Choose how your name may appear: full, initials or hidden.')),
  language: v.optional(v.pipe(v.string(), v.maxLength(8))),
  /** Honeypot: hidden from people, filled in by naive bots. Any value means "drop silently". */
  website: v.optional(v.unknown()),
});

export type SignatureInput = v.InferOutput<typeof signatureInputSchema>;

/** First problem with a signature body, as { field, message }, or the parsed input. */
export function validateSignatureInput(body: unknown): Checked<SignatureInput> {
  return validateBody(signatureInputSchema, body, SIGNATURE_FIELDS);
}
