/**
 * The campaign: its content (from campaigns/<id>/, edited by organisers) and its state (status,
 * rescheduled dispatch time, kept in the table). Pure: loading files is the campaign-files adapter's job.
 */
import * as v from 'valibot';
import { isValidTimeZone, toZonedIso, wallClockToInstant } from './time';

export const CAMPAIGN_STATUSES = ['open', 'closed', 'dispatching', 'dispatched'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Languages the product's own texts (page, mails) are written in. */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DELIVERY_MODES = ['per-letter', 'dossier'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

const languageSchema = v.picklist(SUPPORTED_LANGUAGES, `must be one of ${SUPPORTED_LANGUAGES.join(', ')}`);
const iso2 = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals'));
const localized = v.record(languageSchema, v.pipe(v.string(), v.trim(), v.minLength(1)));

/** Schema of campaigns/<id>/campaign.json. */
export const campaignFileSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be lowercase letters, digits and dashes')),
  title: localized,
  intro: localized,
  /** Local wall-clock time of dispatch in `timeZone`. */
  dispatchAt: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date-time like 2026-12-10T09:00')),
  timeZone: v.pipe(v.string(), v.check(isValidTimeZone, 'must be an IANA time zone such as Europe/London')),
  languages: v.pipe(v.array(languageSchema), v.minLength(1)),
  defaultLanguage: languageSchema,
  deliveryMode: v.optional(v.picklist(DELIVERY_MODES), 'per-letter'),
  notifySignersAfterDispatch: v.optional(v.boolean(), false),
  /** Host countries where a signer's name is hidden from public lists unless they choose otherwise. */
  riskyCountries: v.optional(v.array(iso2), []),
  /** Email domains refused at signing (disposable-mail services, for example). */
  blockedEmailDomains: v.optional(v.array(v.pipe(v.string(), v.toLowerCase(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))), []),
  organiser: v.strictObject({
    name: v.pipe(v.string(), v.minLength(1)),
    website: v.optional(v.pipe(v.string(), v.url())),
  }),
  /** Per-network limits on signing: generous enough for an office behind one address. */
  rateLimits: v.optional(
    v.strictObject({
      perMinute: v.pipe(v.number(), v.integer(), v.minValue(1)),
      perHour: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
    { perMinute: 30, perHour: 600 },
  ),
});
export type CampaignFile = v.InferOutput<typeof campaignFileSchema>;

/** One language's letter: the subject line and the body (plain text, paragraphs separated by blank lines). */
export interface Letter {
  subject: string;
  body: string;
}

/** The campaign as the functions use it: file content plus its letters in every language. */
export interface Campaign extends CampaignFile {
  letters: Record<Language, Letter>;
}

/** State that changes while the campaign runs; kept in the table, absent until something changes. */
export interface CampaignState {
  status: 'open' | 'dispatching' | 'dispatched';
  /** An organiser's rescheduled dispatch instant (ISO 8601 UTC), overriding the file's. */
  dispatchAtOverride?: string;
}

/** Parses a letter file: the first line "# Subject", then the body. */
export function parseLetterFile(text: string, fileName: string): Letter {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const [first = '', ...rest] = normalised.split('\n');
  const subject = /^#\s+(.+)$/.exec(first)?.[1]?.trim();
  if (!subject) throw new Error(`${fileName}: the first line must be the subject, written "# Subject"`);
  const body = rest.join('\n').replace(/^\n+/, '').trimEnd();
  if (body.length < 20) throw new Error(`${fileName}: the letter body is missing or too short`);
  return { subject, body };
}

/** Validates campaign.json content and its letters; throws an Error naming the file and field at fault. */
export function buildCampaign(file: unknown, letters: Partial<Record<string, Letter>>, source = 'campaign.json'): Campaign {
  const parsed = v.safeParse(campaignFileSchema, file);
  if (!parsed.success) {
    const problems = parsed.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    throw new Error(`${source} is not a valid campaign:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.output;
  if (!c.languages.includes(c.defaultLanguage)) throw new Error(`${source}: defaultLanguage "${c.defaultLanguage}" is not in languages`);
  const out: Partial<Record<Language, Letter>> = {};
  for (const lang of c.languages) {
    const letter = letters[lang];
    if (!letter) throw new Error(`${source}: the campaign lists language "${lang}" but letter.${lang}.md is missing`);
    if (!c.title[lang] || !c.intro[lang]) throw new Error(`${source}: title and intro need a "${lang}" text`);
    out[lang] = letter;
  }
  wallClockToInstant(c.dispatchAt, c.timeZone);
  return { ...c, letters: out as Record<Language, Letter> };
}

/** The instant letters go out: the organiser's rescheduled time if any, else the file's. */
export function dispatchInstant(campaign: Campaign, state?: CampaignState): Date {
  if (state?.dispatchAtOverride) return new Date(state.dispatchAtOverride);
  return wallClockToInstant(campaign.dispatchAt, campaign.timeZone);
}

/** The status the public sees: signing closes at the dispatch instant even before dispatch starts. */
export function campaignStatus(campaign: Campaign, state: CampaignState | undefined, now: Date): CampaignStatus {
  const stored = state?.status ?? 'open';
  if (stored !== 'open') return stored;
  return now.getTime() >= dispatchInstant(campaign, state).getTime() ? 'closed' : 'open';
}

/** The language to use: the requested one if the campaign offers it, else the campaign's default. */
export function pickLanguage(campaign: Campaign, requested: string | undefined): Language {
  return (campaign.languages as string[]).includes(requested ?? '') ? (requested as Language) : campaign.defaultLanguage;
}

/** Public view of the campaign for GET /api/campaign. */
export function publicCampaign(campaign: Campaign, state: CampaignState | undefined, now: Date, language?: string) {
  const lang = pickLanguage(campaign, language);
  return {
    id: campaign.id,
    title: campaign.title[lang],
    status: campaignStatus(campaign, state, now),
    dispatchAt: toZonedIso(dispatchInstant(campaign, state), campaign.timeZone),
    timeZone: campaign.timeZone,
    letter: campaign.letters[lang],
    language: lang,
    languages: campaign.languages,
  };
}
