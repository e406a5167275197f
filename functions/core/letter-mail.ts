/**
 * The letter as a mission receives it: the campaign's letter in the signer's language, then the
 * signer's name and country. From is the campaign's verified sender, its display name the signer's
 * name; Reply-To is the signer only where they agreed. Nothing the signer typed can add a header, a
 * recipient or markup: names pass through headerSafe/formatAddress and every HTML value is escaped.
 */
import type { Campaign, Language } from './campaign';
import { countryName } from './countries';
import { escapeHtml, headerSafe, textToHtmlParagraphs } from './mail-safety';
import { MESSAGES, fill } from './messages';
import type { Mission } from './mission';
import type { OutgoingMail } from './ports';
import type { Signature } from './signature';

export interface LetterMailInput {
  campaign: Campaign;
  signature: Pick<Signature, 'id' | 'fullName' | 'email' | 'country' | 'language' | 'shareEmail' | 'missionId'>;
  mission: Pick<Mission, 'id' | 'email' | 'name'>;
  fromAddress: string;
}

/** The mail for one letter. */
export function letterMail({ campaign, signature, mission, fromAddress }: LetterMailInput): OutgoingMail {
  const lang: Language = campaign.letters[signature.language] ? signature.language : campaign.defaultLanguage;
  const letter = campaign.letters[lang];
  const name = headerSafe(signature.fullName, 120);
  const country = countryName(signature.country, lang);
  const closing = fill(MESSAGES[lang].signedBy, { name, country });
  const text = `${letter.body}\n\n${closing}\n`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>
<body style="font-family:Georgia,serif;line-height:1.5;color:#111;max-width:640px;margin:0 auto;padding:16px">
${textToHtmlParagraphs(letter.body)}
<p><strong>${escapeHtml(name)}</strong>, ${escapeHtml(country)}</p>
</body></html>`;
  return {
    to: [mission.email],
    fromAddress,
    // "Ana Souza via <organiser>": the mission sees who wrote, the address stays the campaign's.
    fromName: headerSafe(`${name} via ${campaign.organiser.name}`, 120),
    replyTo: signature.shareEmail ? [signature.email] : undefined,
    subject: headerSafe(letter.subject, 180),
    text,
    html,
    tags: { kind: 'letter', campaign: tagValue(campaign.id), letter: tagValue(signature.id), mission: tagValue(mission.id) },
  };
}

/** SES tag values allow letters, digits, _ and - only. */
export function tagValue(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
}

/** The note a signer gets once their letter went out (when the campaign asks for it). */
export function deliveredMail(input: { campaign: Campaign; signature: Pick<Signature, 'id' | 'fullName' | 'email' | 'language'>; missionName: string; date: string; fromAddress: string }): OutgoingMail {
  const lang: Language = MESSAGES[input.signature.language] ? input.signature.language : input.campaign.defaultLanguage;
  const t = MESSAGES[lang];
  const title = input.campaign.title[lang] ?? input.campaign.title[input.campaign.defaultLanguage]!;
  const values = { name: headerSafe(input.signature.fullName, 120), mission: input.missionName, date: input.date, title };
  const text = fill(t.deliveredBody, values);
  return {
    to: [input.signature.email],
    fromAddress: input.fromAddress,
    fromName: headerSafe(input.campaign.organiser.name, 80),
    subject: headerSafe(fill(t.deliveredSubject, values), 180),
    text,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5">${textToHtmlParagraphs(text)}</body></html>`,
    tags: { kind: 'delivered', campaign: tagValue(input.campaign.id), letter: tagValue(input.signature.id) },
  };
}

/** A spreadsheet cell that starts with = + - @ would run as a formula: such text gets a leading '. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface DossierSignatory {
  fullName: string;
  country: string;
  confirmedAt?: string;
}

/**
 * Dossier mode: one mail to the mission with the letter once and every signatory: listed in the body
 * (up to DOSSIER_INLINE_NAMES) and all of them in an attached CSV. No Reply-To: many people signed.
 */
export function dossierMail(input: {
  campaign: Campaign;
  mission: Pick<Mission, 'id' | 'email' | 'name'>;
  signatories: DossierSignatory[];
  fromAddress: string;
  inlineLimit: number;
  csv: (rows: string[][]) => string;
}): OutgoingMail {
  const { campaign, mission, signatories } = input;
  const lang = campaign.defaultLanguage;
  const letter = campaign.letters[lang];
  const t = MESSAGES[lang];
  const lines = signatories.slice(0, input.inlineLimit).map((s) => fill(t.signedBy, { name: headerSafe(s.fullName, 120), country: countryName(s.country, lang) }));
  const more = signatories.length - lines.length;
  const heading = fill(t.dossierSignedBy, { count: String(signatories.length) });
  const moreLine = more > 0 ? fill(t.dossierMore, { count: String(more) }) : '';
  const text = `${letter.body}\n\n${heading}\n\n${lines.join('\n')}${moreLine ? `\n\n${moreLine}` : ''}\n`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>
<body style="font-family:Georgia,serif;line-height:1.5;color:#111;max-width:640px;margin:0 auto;padding:16px">
${textToHtmlParagraphs(letter.body)}
<h2 style="font-size:1.1em">${escapeHtml(heading)}</h2>
<ol>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ol>${moreLine ? `\n<p>${escapeHtml(moreLine)}</p>` : ''}
</body></html>`;
  const rows = [['name', 'country', 'country_code', 'confirmed_at'], ...signatories.map((s) => [headerSafe(s.fullName, 120), countryName(s.country, lang), s.country, s.confirmedAt ?? ''].map(spreadsheetSafe))];
  return {
    to: [mission.email],
    fromAddress: input.fromAddress,
    fromName: headerSafe(campaign.organiser.name, 120),
    subject: headerSafe(`${letter.subject} (${signatories.length})`, 180),
    text,
    html,
    attachments: [{ fileName: `signatories-${tagValue(mission.id)}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(input.csv(rows), 'utf8') }],
    tags: { kind: 'dossier', campaign: tagValue(campaign.id), mission: tagValue(mission.id), letters: String(signatories.length) },
  };
}
