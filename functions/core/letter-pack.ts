/**
 * The printable letter pack: the letter and every signatory of one mission, for delivery by hand
 * where no email address works. One HTML page that prints cleanly on A4 or Letter (or saves as PDF
 * from any browser): a cover with the mission's name and address, the letter, then the signatories
 * in numbered columns. Every value is escaped: a name is text, never markup.
 */
import type { Campaign, Language } from './campaign';
import { countryName } from './countries';
import { escapeHtml, textToHtmlParagraphs } from './mail-safety';
import { MESSAGES, fill } from './messages';
import type { Mission } from './mission';
import { displayName } from './signature';
import type { DisplayChoice } from './signature-input';
import { formatForPeople } from './time';

export interface PackSignatory {
  fullName: string;
  /** How the signer agreed to be shown: hidden signers are counted, not named. */
  display: DisplayChoice;
  /** ISO 3166-1 alpha-2 code of the signer's country. */
  country: string;
  confirmedAt?: string;
}

export interface LetterPackInput {
  campaign: Campaign;
  mission: Pick<Mission, 'id' | 'name' | 'city' | 'address' | 'phone' | 'countryCode'>;
  signatories: PackSignatory[];
  language: Language;
  generatedAt: Date;
}

export function letterPackHtml({ campaign, mission, signatories, language, generatedAt }: LetterPackInput): string {
  const letter = campaign.letters[language];
  const t = MESSAGES[language];
  const title = campaign.title[language] ?? campaign.title[campaign.defaultLanguage] ?? '';
  const e = escapeHtml;
  const named = signatories.flatMap((s) => {
    const name = displayName(s.fullName, s.display);
    return name === undefined ? [] : [{ name, country: s.country }];
  });
  const unnamed = signatories.length - named.length;
  const rows = named.map((s) => `<li><span class="n">${e(s.name)}</span>, <span class="c">${e(countryName(s.country, language))}</span></li>`).join('\n');
  return `<!doctype html>
<html lang="${e(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(letter.subject)}: ${e(mission.name)}</title>
<style>
  @page { size: auto; margin: 18mm 16mm; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #111; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  header.recipient { margin-bottom: 2.5rem; }
  .recipient p { margin: 0; white-space: pre-line; }
  .meta { color: #444; font-size: .9rem; }
  h1 { font-size: 1.35rem; margin: 2rem 0 1rem; }
  h2 { font-size: 1.1rem; margin-top: 2.5rem; }
  section.signatories { break-before: page; }
  ol { columns: 2; column-gap: 2rem; padding-left: 2.2rem; font-size: .92rem; }
  li { break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; } .screen-only { display: none; } }
</style>
</head>
<body>
<p class="screen-only meta">${e(title)}: print this page (or save it as PDF) and deliver it by hand.</p>
<header class="recipient">
  <p><strong>${e(mission.name)}</strong></p>
  ${mission.address ? `<p>${e(mission.address)}</p>` : ''}
  <p>${e(mission.city)}${mission.city ? ', ' : ''}${e(countryName(mission.countryCode, language))}</p>
  <p class="meta">${e(formatForPeople(generatedAt, language, campaign.timeZone))}</p>
</header>
<main>
<h1>${e(letter.subject)}</h1>
${textToHtmlParagraphs(letter.body)}
<p class="meta">${e(campaign.organiser.name)}</p>
<section class="signatories">
<h2>${e(fill(t.dossierSignedBy, { count: String(signatories.length) }))}</h2>
<ol>
${rows}
</ol>
${unnamed > 0 ? `<p>${e(fill(t.packUnnamed, { count: String(unnamed) }))}</p>` : ''}
</section>
</main>
</body>
</html>
`;
}
