/**
 * The pages beyond the letter, rendered at build time like the signing page (headings, forms and help
 * in the HTML; lists filled by small scripts from the API): the missions directory with call-in and
 * contact reports, the in-person action form with photo upload, the gallery of approved actions, the
 * co-signers list and form, and the page behind the contact-confirmation link.
 */
import { countries as COUNTRY_DATA } from 'countries-list';
import { escapeHtml } from '../../functions/core/mail-safety';
import { PARTICIPATION_LIMITS } from '../../functions/core/participation-input';
import { PUI, type PartText } from '../src/participate-i18n';
import type { Lang } from '../src/i18n';
import { formatForPeople, wallClockToInstant } from '../../functions/core/time';
import { countryOptions, shell, type PageContext } from './pages';

const e = escapeHtml;

/** The JSON block the page's script reads its words (and data) from: data, never executed. */
const dataBlock = (id: string, value: unknown) => `<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;

const part = (ctx: PageContext): PartText => PUI[ctx.lang as Lang];

function missionChoice(p: PartText, chooseCountry: string, chooseMission: string) {
  return `<div class="field"><label for="missionCountry">${e(p.missionCountry)}</label>
<select id="missionCountry" name="missionCountry" required aria-describedby="missionId-error" disabled><option value="">${e(p.client.loading)}</option></select>
<span hidden id="choose-country">${e(chooseCountry)}</span></div>
<div class="field"><label for="missionId">${e(p.mission)}</label>
<select id="missionId" name="missionId" required aria-describedby="missionId-error" disabled><option value="">${e(chooseMission)}</option></select>
<p class="error" id="missionId-error" hidden></p></div>`;
}

const field = (id: string, label: string, input: string, hint?: string) =>
  `<div class="field"><label for="${id}">${e(label)}</label>${hint ? `<p class="hint" id="${id}-hint">${e(hint)}</p>` : ''}${input}<p class="error" id="${id}-error" hidden></p></div>`;
const described = (id: string, hint: boolean) => `aria-describedby="${hint ? `${id}-hint ` : ''}${id}-error"`;

export function missionsPage(ctx: PageContext): string {
  const p = part(ctx);
  const regions = Object.fromEntries(Object.entries(COUNTRY_DATA).map(([code, c]) => [code, c.continent]));
  const regionOptions = (Object.keys(p.regions) as (keyof PartText['regions'])[])
    .filter((r) => r !== 'AN')
    .map((r) => `<option value="${r}">${e(p.regions[r])}</option>`)
    .join('');
  const main = `<main id="main" class="wide">
<h1>${e(p.missionsTitle)}</h1>
<p class="intro">${e(p.missionsIntro)}</p>
<form class="filters" role="search" id="filters">
<div class="field"><label for="q">${e(p.search)}</label><p class="hint" id="q-hint">${e(p.searchHint)}</p><input id="q" name="q" type="search" autocomplete="off" aria-describedby="q-hint" aria-controls="missions"></div>
<div class="field"><label for="region">${e(p.region)}</label><select id="region" name="region" aria-controls="missions"><option value="">${e(p.allRegions)}</option>${regionOptions}</select></div>
<div class="field"><label for="countryFilter">${e(p.country)}</label><select id="countryFilter" name="country" aria-controls="missions"><option value="">${e(p.allCountries)}</option></select></div>
</form>
<p id="shown" class="note" role="status" aria-live="polite"></p>
<ul id="missions" class="cards" aria-busy="true"></ul>
${dataBlock('part-text', p.client)}
${dataBlock('regions-data', regions)}
${dataBlock('campaign-data', { title: ctx.campaign.title[ctx.lang] ?? ctx.campaign.title[ctx.campaign.defaultLanguage] })}
${dataBlock('nav-data', { act: p.nav.act, actions: p.nav.actions })}
</main>`;
  return shell(ctx, p.missionsTitle, main, p.missionsIntro, 'missions');
}

export function actPage(ctx: PageContext, chooseCountry: string, chooseMission: string): string {
  const p = part(ctx);
  const main = `<main id="main">
<h1>${e(p.actTitle)}</h1>
<p class="intro">${e(p.actIntro)}</p>
<div id="form-status" class="status" role="alert" tabindex="-1" hidden></div>
<form id="act-form" novalidate>
${field('organisation', p.organisation, `<input id="organisation" name="organisation" type="text" autocomplete="organization" maxlength="${PARTICIPATION_LIMITS.organisation}" required ${described('organisation', false)}>`)}
${field('email', p.contactEmail, `<input id="email" name="email" type="email" autocomplete="email" inputmode="email" maxlength="${PARTICIPATION_LIMITS.email}" required ${described('email', true)}>`, p.contactEmailHint)}
${missionChoice(p, chooseCountry, chooseMission)}
${field('startsAt', p.startsAt, `<input id="startsAt" name="startsAt" type="datetime-local" required ${described('startsAt', true)}>`, p.startsAtHint)}
${field('description', p.description, `<textarea id="description" name="description" rows="5" maxlength="${PARTICIPATION_LIMITS.description}" required ${described('description', true)}></textarea>`, p.descriptionHint)}
${field('photos', p.photos, `<input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple ${described('photos', true)}>`, p.photosHint)}
<div class="field check"><input id="consent" name="consent" type="checkbox" required aria-describedby="consent-error"><label for="consent">${e(p.actConsent)}</label><p class="error" id="consent-error" hidden></p></div>
<div class="hp" aria-hidden="true"><label for="fax">Fax</label><input id="fax" name="fax" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit" id="submit">${e(p.actSubmit)}</button>
</form>
${dataBlock('part-text', p.client)}
</main>`;
  return shell(ctx, p.actTitle, main, p.actIntro, 'act');
}

export function actionsPage(ctx: PageContext): string {
  const p = part(ctx);
  const main = `<main id="main" class="wide">
<h1>${e(p.actionsTitle)}</h1>
<p class="intro">${e(p.actionsIntro)}</p>
<p><a href="/${ctx.lang}/act.html">${e(p.nav.act)}</a></p>
<p id="shown" class="note" role="status" aria-live="polite"></p>
<ul id="actions" class="actions" aria-busy="true"></ul>
${dataBlock('part-text', p.client)}
</main>`;
  return shell(ctx, p.actionsTitle, main, p.actionsIntro, 'actions');
}

export function cosignPage(ctx: PageContext): string {
  const p = part(ctx);
  const radio = (name: string, value: string, label: string, checked = false) =>
    `<label class="choice"><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}> ${e(label)}</label>`;
  const main = `<main id="main">
<h1>${e(p.cosignTitle)}</h1>
<p class="intro">${e(p.cosignIntro)}</p>
<section aria-labelledby="list-heading">
<h2 id="list-heading">${e(p.cosignListHeading)}</h2>
<ul id="cosigners" class="cosigners" aria-busy="true"></ul>
<p id="hidden-count" class="note"></p>
</section>
<section aria-labelledby="form-heading">
<h2 id="form-heading">${e(p.cosignFormHeading)}</h2>
<div id="form-status" class="status" role="alert" tabindex="-1" hidden></div>
<form id="cosign-form" novalidate>
<fieldset class="field"><legend>${e(p.kindLegend)}</legend>${radio('kind', 'individual', p.kindIndividual, true)}${radio('kind', 'organisation', p.kindOrganisation)}<p class="error" id="kind-error" hidden></p></fieldset>
${field('name', p.name, `<input id="name" name="name" type="text" autocomplete="name" maxlength="${PARTICIPATION_LIMITS.name}" required ${described('name', false)}>`)}
${field('country', p.country, `<select id="country" name="country" required autocomplete="country" ${described('country', false)}><option value="">—</option>${countryOptions(ctx.lang as Lang)}</select>`)}
${field('website', p.website, `<input id="website" name="website" type="url" inputmode="url" maxlength="${PARTICIPATION_LIMITS.website}" ${described('website', true)}>`, p.websiteHint)}
${field('email', p.contactEmail, `<input id="email" name="email" type="email" autocomplete="email" inputmode="email" maxlength="${PARTICIPATION_LIMITS.email}" required ${described('email', true)}>`, p.contactEmailHint)}
<fieldset class="field"><legend>${e(p.displayLegend)}</legend>${radio('display', 'full', p.displayFull, true)}${radio('display', 'initials', p.displayInitials)}${radio('display', 'hidden', p.displayHidden)}<p class="error" id="display-error" hidden></p></fieldset>
<div class="field check"><input id="consent" name="consent" type="checkbox" required aria-describedby="consent-error"><label for="consent">${e(p.cosignConsent)}</label><p class="error" id="consent-error" hidden></p></div>
<div class="hp" aria-hidden="true"><label for="fax">Fax</label><input id="fax" name="fax" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit" id="submit">${e(p.cosignSubmit)}</button>
</form>
</section>
${dataBlock('part-text', p.client)}
</main>`;
  return shell(ctx, p.cosignTitle, main, p.cosignIntro, 'cosign');
}

/** The page the contact-confirmation mail links to (kind and token in the query string). */
export function contactConfirmPage(ctx: PageContext): string {
  const p = part(ctx);
  const main = `<main id="main" class="token-page">
<h1>${e(p.contactConfirmTitle)}</h1>
<p>${e(p.contactConfirmIntro)}</p>
<button type="button" id="act">${e(p.contactConfirmButton)}</button>
<div id="result" class="status" role="status" tabindex="-1" hidden></div>
${dataBlock('part-text', p.client)}
</main>`;
  return shell(ctx, p.contactConfirmTitle, main, p.contactConfirmIntro, 'confirm-contact');
}

/**
 * The delivery of the letters, drawn per mission from the public ledger (GET /api/delivery): sent of
 * queued as a progress bar, then delivered, bounced, failed and the letters for in-person delivery.
 */
export function deliveryPage(ctx: PageContext): string {
  const p = part(ctx);
  const when = formatForPeople(wallClockToInstant(ctx.campaign.dispatchAt, ctx.campaign.timeZone), ctx.lang as Lang, ctx.campaign.timeZone);
  const main = `<main id="main" class="wide">
<h1>${e(p.deliveryTitle)}</h1>
<p class="intro">${e(p.deliveryIntro)}</p>
<p id="delivery-status" class="note" role="status" aria-live="polite"></p>
<p id="delivery-totals" class="totals"></p>
<ul id="delivery" class="delivery" aria-busy="true"></ul>
<p id="delivery-updated" class="note"></p>
${dataBlock('part-text', { ...p.client, dispatchDate: when })}
</main>`;
  return shell(ctx, p.deliveryTitle, main, p.deliveryIntro, 'delivery');
}
