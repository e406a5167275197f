/**
 * Validation schemas for everything a participant sends besides a signature: an in-person action,
 * its photos, a co-signer, a call outcome, a report of wrong contact details. Shared by the API and
 * the site's forms (no Node or AWS imports here, so the pages can use it).
 */
import * as v from 'valibot';
import { COUNTRY_CODES } from './countries';
import { DISPLAY_CHOICES } from './signature-input';

export const PARTICIPATION_LIMITS = {
  organisation: 160,
  name: 160,
  description: 2000,
  message: 2000,
  website: 300,
  email: 254,
  /** Photos per action. */
  photos: 5,
  /** Bytes per photo. */
  photoBytes: 10 * 1024 * 1024,
} as const;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const CALL_OUTCOMES = ['reached', 'voicemail', 'no_answer', 'refused'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const COSIGNER_KINDS = ['individual', 'organisation'] as const;
export type CosignerKind = (typeof COSIGNER_KINDS)[number];

// Control characters and bidi overrides have no place in a name or a line of text; newlines do in prose.
const FORBIDDEN_IN_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

const line = (what: string, max: number) =>
  v.pipe(
    v.string(`Enter ${what}.`),
    v.normalize('NFC'),
    v.trim(),
    v.nonEmpty(`Enter ${what}.`),
    v.maxLength(max, `${capitalise(what)} can be at most ${max} characters.`),
    v.check((s) => !FORBIDDEN_IN_LINE.test(s), `${capitalise(what)} contains characters that cannot be printed.`),
    v.regex(/[\p{L}\p{N}]/u, `${capitalise(what)} must contain letters or digits.`),
    v.transform((s) => s.replace(/\s+/gu, ' ')),
  );

const text = (what: string, max: number) =>
  v.pipe(
    v.string(`Enter ${what}.`),
    v.normalize('NFC'),
    v.trim(),
    v.nonEmpty(`Enter ${what}.`),
    v.maxLength(max, `${capitalise(what)} can be at most ${max} characters.`),
    v.check((s) => !FORBIDDEN_IN_TEXT.test(s), `${capitalise(what)} contains characters that cannot be printed.`),
    v.transform((s) => s.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n')),
  );

const email = v.pipe(
  v.string('Enter your email address.'),
  v.trim(),
  v.nonEmpty('Enter your email address.'),
  v.maxLength(PARTICIPATION_LIMITS.email, 'This email address is too long.'),
  v.email('Enter a valid email address, like name@example.org.'),
);

const missionId = v.pipe(
  v.string('Choose a mission.'),
  v.nonEmpty('Choose a mission.'),
  v.maxLength(80, 'Choose one of the listed missions.'),
  v.regex(/^[a-z0-9-]+$/, 'Choose one of the listed missions.'),
);

const website = v.pipe(
  v.string('Enter the website address.'),
  v.trim(),
  v.maxLength(PARTICIPATION_LIMITS.website, `The website address can be at most ${PARTICIPATION_LIMITS.website} characters.`),
  v.regex(/^https?:\/\/[^\s/$.?#][^\s<>"'`]*$/i, 'Enter the website address starting with https://'),
  v.url('Enter the website address starting with https://'),
);

/** An ISO 8601 date-time with its offset ("2026-12-10T11:00:00+01:00" or "...Z"). */
const instant = v.pipe(
  v.string('Enter the date and time of the action.'),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'Enter the date and time as 2026-12-10T11:00:00+01:00.'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Enter a real date and time.'),
);

const language = v.optional(v.pipe(v.string(), v.maxLength(8)));
/** Honeypot: hidden from people, filled in by naive bots. */
const honeypot = v.optional(v.unknown());

export const actionInputSchema = v.object({
  organisation: line('the name of your organisation or group', PARTICIPATION_LIMITS.organisation),
  email,
  missionId,
  startsAt: instant,
  description: text('a short description of the action', PARTICIPATION_LIMITS.description),
  consent: v.literal(true, 'Tick the box to agree that the action may be published once approved.'),
  language,
  fax: honeypot,
});
export type ActionInput = v.InferOutput<typeof actionInputSchema>;
export const ACTION_FIELDS = ['organisation', 'email', 'missionId', 'startsAt', 'description', 'consent', 'language'] as const;

export const photoRequestSchema = v.object({
  uploadToken: v.pipe(v.string('The upload token is missing.'), v.regex(/^[A-Za-z0-9_.-]{20,200}$/, 'The upload token is not valid.')),
  contentType: v.picklist(PHOTO_TYPES, 'Photos must be JPEG, PNG or WebP images.'),
  size: v.pipe(
    v.number('Give the photo size in bytes.'),
    v.integer('Give the photo size in bytes.'),
    v.minValue(1, 'The photo is empty.'),
    v.maxValue(PARTICIPATION_LIMITS.photoBytes, 'Photos can be at most 10 MB.'),
  ),
});
export type PhotoRequest = v.InferOutput<typeof photoRequestSchema>;
export const PHOTO_FIELDS = ['uploadToken', 'contentType', 'size'] as const;

export const cosignerInputSchema = v.object({
  kind: v.picklist(COSIGNER_KINDS, 'Choose whether you sign as an individual or an organisation.'),
  name: line('the name', PARTICIPATION_LIMITS.name),
  country: v.pipe(v.string('Choose the country.'), v.picklist(COUNTRY_CODES as string[], 'Choose the country.')),
  website: v.optional(v.union([v.literal(''), website], 'Enter the website address starting with https://')),
  email,
  display: v.optional(v.picklist(DISPLAY_CHOICES, 'Choose how the name may appear: full, initials or hidden.')),
  consent: v.literal(true, 'Tick the box to agree that the name is added to the list of signatories.'),
  language,
  fax: honeypot,
});
export type CosignerInput = v.InferOutput<typeof cosignerInputSchema>;
export const COSIGNER_FIELDS = ['kind', 'name', 'country', 'website', 'email', 'display', 'consent', 'language'] as const;

export const callInputSchema = v.object({
  missionId,
  outcome: v.picklist(CALL_OUTCOMES, 'Choose what happened: reached, voicemail, no_answer or refused.'),
});
export type CallInput = v.InferOutput<typeof callInputSchema>;
export const CALL_FIELDS = ['missionId', 'outcome'] as const;

export const missionReportSchema = v.object({
  message: text('what is wrong with the contact details', PARTICIPATION_LIMITS.message),
  email: v.optional(v.union([v.literal(''), email], 'Enter a valid email address, like name@example.org.')),
  fax: honeypot,
});
export type MissionReportInput = v.InferOutput<typeof missionReportSchema>;
export const REPORT_FIELDS = ['message', 'email'] as const;

export const tokenSchema = v.object({
  token: v.pipe(v.string('The link is incomplete.'), v.regex(/^[A-Za-z0-9_.-]{20,300}$/, 'This link is not valid or has already been used.')),
});

export { validateBody } from './validate';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
