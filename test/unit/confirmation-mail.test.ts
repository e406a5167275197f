import { loadCampaign } from '../../functions/adapters/campaign-files';
import { SUPPORTED_LANGUAGES } from '../../functions/core/campaign';
import { confirmationMail, tokenLink } from '../../functions/core/confirmation-mail';
import { MESSAGES, fill } from '../../functions/core/messages';
import { formatForPeople } from '../../functions/core/time';
import { DEFAULT_CAMPAIGN_DIR } from '../fixtures/campaigns';

const campaign = loadCampaign(DEFAULT_CAMPAIGN_DIR);
const dispatchAt = new Date('2026-12-10T09:00:00Z');

const mail = (overrides: Partial<Parameters<typeof confirmationMail>[0]> = {}) =>
  confirmationMail({
    campaign,
    language: 'en',
    fullName: 'Ada Lovelace',
    to: 'ada@example.org',
    missionName: 'British Embassy Lima',
    dispatchAt,
    confirmUrl: tokenLink('https://letters.example.org', 'en', 'confirm', 'ABC.def'),
    removeUrl: tokenLink('https://letters.example.org', 'en', 'remove', 'ABC.ghi'),
    siteUrl: 'https://letters.example.org',
    fromAddress: 'letters@example.org',
    reminder: false,
    signatureId: 'sig_1',
    ...overrides,
  });

describe('the confirmation mail', () => {
  it('has every text in every language the product speaks, with the same placeholders as English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
    for (const lang of SUPPORTED_LANGUAGES) {
      for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
        expect(MESSAGES[lang][key].trim()).not.toBe('');
        expect(placeholders(MESSAGES[lang][key])).toEqual(placeholders(MESSAGES.en[key]));
      }
    }
  });

  it('tells the signer the dispatch date in their language and the London time zone', () => {
    expect(formatForPeople(dispatchAt, 'en', 'Europe/London')).toBe('10 December 2026 at 09:00 GMT');
    expect(formatForPeople(dispatchAt, 'es', 'Europe/London')).toMatch(/^10 de diciembre de 2026.*9:00/);
    const m = mail({ language: 'fr' });
    expect(m.text).toContain('10 décembre 2026');
    expect(m.subject).toContain('Veuillez confirmer');
  });

  it('carries both links, which open pages of the site rather than acting on a GET', () => {
    const m = mail();
    expect(m.text).toContain('https://letters.example.org/en/confirm.html?token=ABC.def');
    expect(m.text).toContain('https://letters.example.org/en/remove.html?token=ABC.ghi');
    expect(m.html).toContain('href="https://letters.example.org/en/confirm.html?token=ABC.def"');
  });

  it('shows a name full of markup as text, never as HTML', () => {
    const m = mail({ fullName: '<img src=x onerror=alert(1)> "Bob" & Co' });
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot; &amp; Co');
    expect(m.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('cannot be given a second header through the subject, even by a campaign title with a line break', () => {
    const m = mail({ campaign: { ...campaign, title: { ...campaign.title, en: 'Hi\r\nBcc: evil@example.org' } } });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toContain('Hi');
  });

  it('starts with a note when it is a reminder for a signature still waiting for confirmation', () => {
    expect(mail({ reminder: true }).text.startsWith(MESSAGES.en.reminderNote)).toBe(true);
    expect(mail().text).not.toContain(MESSAGES.en.reminderNote);
  });
});

describe('filling a text', () => {
  it('does not substitute placeholders that appear inside a value', () => {
    expect(fill('{name} signed {title}', { name: '{title}', title: 'T' })).toBe('{title} signed T');
  });
  it('leaves a placeholder without a value visible', () => {
    expect(fill('Hello {who}', {})).toBe('Hello {who}');
  });
});
