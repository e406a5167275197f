/** The confirmation mail a signer receives: localised, text + HTML, every signer-supplied value escaped. */
import type { Campaign, Language } from './campaign';
import { MESSAGES, fill } from './messages';
import { escapeHtml, headerSafe } from './mail-safety';
import { formatForPeople } from './time';
import type { OutgoingMail } from './ports';

export interface ConfirmationMailInput {
  campaign: Campaign;
  language: Language;
  fullName: string;
  to: string;
  missionName: string;
  dispatchAt: Date;
  confirmUrl: string;
  removeUrl: string;
  siteUrl: string;
  fromAddress: string;
  /** True when this is a repeat request for a still-pending signature. */
  reminder: boolean;
  signatureId: string;
}

/** Renders the confirmation mail. */
export function confirmationMail(input: ConfirmationMailInput): OutgoingMail {
  const t = MESSAGES[input.language];
  const title = input.campaign.title[input.language] ?? input.campaign.title[input.campaign.defaultLanguage]!;
  const date = formatForPeople(input.dispatchAt, input.language, input.campaign.timeZone);
  const values = { title, name: input.fullName, mission: input.missionName, date, site: input.siteUrl, organiser: input.campaign.organiser.name };
  const htmlValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));

  const text = [
    ...(input.reminder ? [fill(t.reminderNote, values), ''] : []),
    fill(t.confirmGreeting, values),
    '',
    fill(t.confirmIntro, values),
    '',
    fill(t.confirmAction, values),
    input.confirmUrl,
    '',
    fill(t.confirmExpiry, values),
    '',
    fill(t.removeAction, values),
    input.removeUrl,
    '',
    '-- ',
    fill(t.footer, values),
  ].join('\n');

  const button = (href: string, label: string, primary: boolean) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;${
      primary ? 'background:#0b5394;color:#ffffff' : 'background:#ffffff;color:#0b5394;border:1px solid #0b5394'
    }">${escapeHtml(label)}</a>`;
  const html = `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px">
${input.reminder ? `<p><em>${fill(escapeHtml(t.reminderNote), htmlValues)}</em></p>` : ''}
<p>${fill(escapeHtml(t.confirmGreeting), htmlValues)}</p>
<p>${fill(escapeHtml(t.confirmIntro), htmlValues)}</p>
<p>${fill(escapeHtml(t.confirmAction), htmlValues)}</p>
<p>${button(input.confirmUrl, t.confirmButton, true)}</p>
<p style="font-size:14px;color:#444">${fill(escapeHtml(t.confirmExpiry), htmlValues)}</p>
<p style="font-size:14px;color:#444">${fill(escapeHtml(t.removeAction), htmlValues)}</p>
<p>${button(input.removeUrl, t.removeButton, false)}</p>
<hr style="border:none;border-top:1px solid #ddd">
<p style="font-size:12px;color:#555">${fill(escapeHtml(t.footer), htmlValues)}</p>
</body></html>`;

  return {
    to: [input.to],
    fromAddress: input.fromAddress,
    fromName: headerSafe(input.campaign.organiser.name, 80),
    subject: headerSafe(fill(t.confirmSubject, values), 180),
    text,
    html,
    tags: { kind: 'confirmation', campaign: input.campaign.id, letter: input.signatureId.replace(/[^A-Za-z0-9_-]/g, '') },
  };
}

/** The link that opens a page of the site; the page's button makes the POST (a GET never acts). */
export function tokenLink(publicUrl: string, language: Language, page: 'confirm' | 'remove', token: string): string {
  return `${publicUrl}/${language}/${page}.html?token=${encodeURIComponent(token)}`;
}
