import { loadCampaign } from '../../functions/adapters/campaign-files';
import { buildCampaign, campaignStatus, dispatchInstant, parseLetterFile, publicCampaign } from '../../functions/core/campaign';
import { toZonedIso, wallClockToInstant } from '../../functions/core/time';

const campaign = loadCampaign('campaigns/free-expression-2026');

describe('the default campaign', () => {
  it('dispatches at 09:00 London time on Human Rights Day, 10 December 2026', () => {
    expect(dispatchInstant(campaign).toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(publicCampaign(campaign, undefined, new Date('2026-11-24T12:00:00Z')).dispatchAt).toBe('2026-12-10T09:00:00+00:00');
  });

  it('is written in English, Spanish, Portuguese and French', () => {
    expect(campaign.languages).toEqual(['en', 'es', 'pt', 'fr']);
    for (const lang of campaign.languages) {
      expect(campaign.letters[lang].subject.length).toBeGreaterThan(10);
      expect(campaign.letters[lang].body.length).toBeGreaterThan(500);
    }
  });

  it('shows a signer the letter in their language, and English for a language it lacks', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(publicCampaign(campaign, undefined, now, 'es').letter).toBe(campaign.letters.es);
    expect(publicCampaign(campaign, undefined, now, 'de').letter).toBe(campaign.letters.en);
  });
});

describe('campaign status', () => {
  it('is open before the dispatch time and closed from that instant until dispatch starts', () => {
    expect(campaignStatus(campaign, undefined, new Date('2026-12-10T08:59:59Z'))).toBe('open');
    expect(campaignStatus(campaign, undefined, new Date('2026-12-10T09:00:00Z'))).toBe('closed');
    expect(campaignStatus(campaign, { status: 'dispatching' }, new Date('2026-12-10T09:00:00Z'))).toBe('dispatching');
  });

  it('follows an organiser who moved the dispatch time', () => {
    const state = { status: 'open' as const, dispatchAtOverride: '2026-12-11T12:00:00.000Z' };
    expect(campaignStatus(campaign, state, new Date('2026-12-10T10:00:00Z'))).toBe('open');
    expect(publicCampaign(campaign, state, new Date('2026-12-10T10:00:00Z')).dispatchAt).toBe('2026-12-11T12:00:00+00:00');
  });
});

describe('time zones', () => {
  it('turns a summer wall-clock time in London into the right UTC instant', () => {
    expect(wallClockToInstant('2026-07-01T09:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(toZonedIso(new Date('2026-07-01T08:00:00Z'), 'Europe/London')).toBe('2026-07-01T09:00:00+01:00');
  });

  it('handles zones west of UTC and with half-hour offsets', () => {
    expect(wallClockToInstant('2026-12-10T09:00', 'America/Sao_Paulo').toISOString()).toBe('2026-12-10T12:00:00.000Z');
    expect(toZonedIso(new Date('2026-12-10T03:30:00Z'), 'Asia/Kolkata')).toBe('2026-12-10T09:00:00+05:30');
  });
});

describe('campaign files', () => {
  const file = JSON.parse(require('node:fs').readFileSync('campaigns/free-expression-2026/campaign.json', 'utf8'));

  it('refuse a bad time zone, naming the field', () => {
    expect(() => buildCampaign({ ...file, timeZone: 'Mars/Olympus' }, campaign.letters)).toThrow(/timeZone/);
  });

  it('refuse a campaign that lists a language without its letter', () => {
    const { fr: _fr, ...letters } = campaign.letters;
    expect(() => buildCampaign(file, letters)).toThrow(/letter\.fr\.md is missing/);
  });

  it('refuse unknown settings, so a typo does not pass silently', () => {
    expect(() => buildCampaign({ ...file, dispachAt: '2026-12-10T09:00' }, campaign.letters)).toThrow(/dispachAt/);
  });

  it('need a subject line in each letter', () => {
    expect(() => parseLetterFile('Dear government,\n\nPlease act.', 'letter.en.md')).toThrow(/first line must be the subject/);
    expect(parseLetterFile('# Subject here\n\nDear government, please act now on this.\n', 'x').subject).toBe('Subject here');
  });
});
