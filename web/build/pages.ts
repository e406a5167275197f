/**
 * The site's HTML, rendered at build time from the campaign files: the letter and the whole form are in
 * the page itself (readable before any script runs, or without scripts). No inline script or style: the
 * production Content-Security-Policy is the same fixed one for every page.
 */
import type { Campaign, Language } from '../../functions/core/campaign';
import { COUNTRY_CODES } from '../../functions/core/countries';
import { escapeHtml } from '../../functions/core/mail-safety';
import { formatForPeople, wallClockToInstant } from '../../functions/core/time';
import { LIMITS } from '../../functions/core/signature-input';
import { UI, type Lang } from '../src/i18n';
import { PUI } from '../src/participate-i18n';

const e = escapeHtml;
const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);

/**
 * The letter files' markdown subset: paragraphs, numbered lists ("1. ...") and line breaks inside a
 * paragraph. Everything is escaped: a letter file cannot put markup on the page.
 */
export function renderLetterBody(body: string): string {
  return body
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split('\n').map((l) => l.trim());
      if (lines.every((l) => /^\d+\.\s+/.test(l))) return `<ol>${lines.map((l) => `<li>${e(l.replace(/^\d+\.\s+/, ''))}</li>`).join('')}</ol>`;
      return `<p>${lines.map(e).join('<br>')}</p>`;
    })
    .join('\n');
}

/** Country options in the page's language, sorted as a reader of that language expects. */
export function countryOptions(lang: Lang): string {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const collator = new Intl.Collator(lang);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((c) => `<option value="${c.code}">${e(c.name)}</option>`)
    .join('');
}

export interface PageContext {
  campaign: Campaign;
  lang: Language;
  /** Path of this page for each language, for the language switch and hreflang links. */
  pathFor: (lang: Language) => string;
  /** Entry script, relative to the generated root. */
  script: string;
}

/** Pages of the site, for the navigation (the signing page is the language's home). */
export type PageName = 'letter' | 'missions' | 'act' | 'actions' | 'cosign' | 'delivery' | 'confirm-contact' | 'token';

export function pagePath(ctx: PageContext, page: Exclude<PageName, 'token'>): string {
  return page === 'letter' ? ctx.pathFor(ctx.lang) : `/${ctx.lang}/${page}.html`;
}

export function shell(ctx: PageContext, title: string, main: string, description: string, current: PageName): string {
  const { campaign, lang } = ctx;
  const t = UI[lang as Lang];
  const p = PUI[lang as Lang];
  const samePage = (l: Language) => (current === 'letter' ? ctx.pathFor(l) : current === 'token' ? ctx.pathFor(l) : `/${l}/${current}.html`);
  const alternates = campaign.languages.map((l) => `<link rel="alternate" hreflang="${l}" href="${samePage(l)}" vite-ignore>`).join('');
  const switcher = campaign.languages
    .map((l) => (l === lang ? `<li><span aria-current="true" lang="${l}">${e(UI[l as Lang].languageName)}</span></li>` : `<li><a href="${samePage(l)}" hreflang="${l}" lang="${l}">${e(UI[l as Lang].languageName)}</a></li>`))
    .join('');
  const pages: Exclude<PageName, 'token' | 'confirm-contact'>[] = ['letter', 'missions', 'act', 'actions', 'cosign', 'delivery'];
  const nav = pages.map((pg) => `<li><a href="${pagePath(ctx, pg)}"${pg === current ? ' aria-current="page"' : ''}>${e(p.nav[pg])}</a></li>`).join('');
  const skip = current === 'letter' ? `<a class="skip" href="#sign">${e(t.skipToForm)}</a>` : `<a class="skip" href="#main">${e(p.nav.skip)}</a>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<meta name="description" content="${e(description)}">
<meta name="theme-color" content="#0b3d6b">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${alternates}
<script type="module" src="${ctx.script}"></script>
</head>
<body>
${skip}
<header class="top"><nav aria-label="${e(p.nav.label)}"><ul class="site-nav">${nav}</ul></nav><nav aria-label="Language"><ul class="langs">${switcher}</ul></nav></header>
${main}
<footer class="foot"><p>${e(fill(t.footer, { organiser: campaign.organiser.name }))}</p></footer>
<script type="application/json" id="ui-text">${JSON.stringify({ lang, ...t.client }).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
}

/** The signing page: the letter, the live count and the form. */
export function signingPage(ctx: PageContext): string {
  const { campaign, lang } = ctx;
  const t = UI[lang as Lang];
  const title = campaign.title[lang] ?? campaign.title[campaign.defaultLanguage]!;
  const letter = campaign.letters[lang];
  const date = formatForPeople(wallClockToInstant(campaign.dispatchAt, campaign.timeZone), lang, campaign.timeZone);
  const intro = campaign.intro?.[lang] ?? '';
  const radio = (value: string, label: string, checked = false) =>
    `<label class="choice"><input type="radio" name="display" value="${value}"${checked ? ' checked' : ''}> ${e(label)}</label>`;
  const main = `<main id="main">
<section class="hero" aria-labelledby="title">
<h1 id="title">${e(title)}</h1>
${intro ? `<p class="intro">${e(intro)}</p>` : ''}
<p class="count" id="count" aria-live="polite" aria-atomic="true"></p>
</section>
<article class="letter" aria-labelledby="letter-subject">
<h2 class="visually-hidden">${e(t.letterHeading)}</h2>
<h3 id="letter-subject">${e(letter.subject)}</h3>
${renderLetterBody(letter.body)}
<p class="signature-line" aria-hidden="true">— <span id="preview-name">…</span></p>
</article>
<section id="sign" class="sign" aria-labelledby="sign-heading">
<h2 id="sign-heading">${e(t.formHeading)}</h2>
<p class="note" id="dispatch-note">${e(fill(t.dispatchNote, { date }))}</p>
<noscript><p class="warning">${e(t.noScript)}</p></noscript>
<div id="form-status" class="status" role="alert" tabindex="-1" hidden></div>
<form id="sign-form" novalidate>
<div class="field"><label for="fullName">${e(t.fullName)}</label>
<p class="hint" id="fullName-hint">${e(t.fullNameHint)}</p>
<input id="fullName" name="fullName" type="text" autocomplete="name" maxlength="${LIMITS.fullName}" required aria-describedby="fullName-hint fullName-error">
<p class="error" id="fullName-error" hidden></p></div>
<div class="field"><label for="country">${e(t.yourCountry)}</label>
<select id="country" name="country" required autocomplete="country" aria-describedby="country-error"><option value="">${e(t.chooseCountry)}</option>${countryOptions(lang as Lang)}</select>
<p class="error" id="country-error" hidden></p></div>
<div class="field"><label for="email">${e(t.email)}</label>
<p class="hint" id="email-hint">${e(t.emailHint)}</p>
<input id="email" name="email" type="email" autocomplete="email" inputmode="email" maxlength="${LIMITS.email}" required aria-describedby="email-hint email-error">
<p class="error" id="email-error" hidden></p></div>
<div class="field"><label for="missionCountry">${e(t.missionCountry)}</label>
<p class="hint" id="missionCountry-hint">${e(t.missionCountryHint)}</p>
<select id="missionCountry" name="missionCountry" required aria-describedby="missionCountry-hint missionId-error" disabled><option value="">${e(t.client.loadingMissions)}</option></select></div>
<div class="field"><label for="missionId">${e(t.mission)}</label>
<select id="missionId" name="missionId" required aria-describedby="mission-note missionId-error" disabled><option value="">${e(t.chooseMission)}</option></select>
<p class="hint" id="mission-note" hidden></p>
<p class="error" id="missionId-error" hidden></p></div>
<fieldset class="field"><legend>${e(t.displayLegend)}</legend>
<p class="hint" id="display-hint">${e(t.displayHint)}</p>
${radio('full', t.displayFull)}${radio('initials', t.displayInitials, true)}${radio('hidden', t.displayHidden)}
<p class="error" id="display-error" hidden></p></fieldset>
<div class="field check"><input id="consent" name="consent" type="checkbox" required aria-describedby="consent-error"><label for="consent">${e(t.consent)}</label>
<p class="error" id="consent-error" hidden></p></div>
<div class="field check"><input id="shareEmail" name="shareEmail" type="checkbox"><label for="shareEmail">${e(t.shareEmail)}</label></div>
<div class="hp" aria-hidden="true"><label for="website">${e(t.honeypot)}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit" id="send">${e(t.send)}</button>
<p class="privacy">${e(t.privacy)}</p>
</form>
</section>
</main>`;
  return shell(ctx, title, main, intro || letter.subject, 'letter');
}

/** The page a mail link opens: one button that makes the POST (a GET never confirms or removes). */
export function tokenPage(ctx: PageContext, kind: 'confirm' | 'remove'): string {
  const { campaign, lang } = ctx;
  const t = UI[lang as Lang];
  const heading = kind === 'confirm' ? t.confirmTitle : t.removeTitle;
  const main = `<main id="main" class="token-page" data-action="${kind}">
<h1>${e(heading)}</h1>
<p>${e(kind === 'confirm' ? t.confirmIntro : t.removeIntro)}</p>
<noscript><p class="warning">${e(t.noScript)}</p></noscript>
<button type="button" id="act" class="${kind === 'remove' ? 'danger' : ''}">${e(kind === 'confirm' ? t.confirmButton : t.removeButton)}</button>
<div id="result" class="status" role="status" tabindex="-1" hidden></div>
<p><a href="${ctx.pathFor(lang)}">${e(t.backToLetter)}</a></p>
</main>`;
  return shell(ctx, `${heading} — ${campaign.title[lang] ?? ''}`, main, heading, 'token');
}
