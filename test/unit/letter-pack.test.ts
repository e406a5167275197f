import { loadCampaign } from '../../functions/adapters/campaign-files';
import { letterPackHtml } from '../../functions/core/letter-pack';
import { DEFAULT_CAMPAIGN_DIR } from '../fixtures/campaigns';

const campaign = loadCampaign(DEFAULT_CAMPAIGN_DIR);
const mission = { id: 'gb-embassy-at-vienna', name: 'British Embassy Vienna', city: 'Vienna', address: 'Jauresgasse 12, 1030 Vienna, Austria', phone: '+43 1 716130', countryCode: 'AT' };

describe('the printable letter pack', () => {
  it('carries the letter, the mission address and every signatory who agreed to be named, as text', () => {
    const html = letterPackHtml({
      campaign,
      mission,
      language: 'en',
      generatedAt: new Date('2026-12-10T09:00:00Z'),
      signatories: [
        { fullName: '<script>alert(1)</script>', display: 'full', country: 'BR' },
        { fullName: 'Zoë Ångström-Öberg', display: 'initials', country: 'SE' },
        { fullName: 'Hidden Person', display: 'hidden', country: 'KE' },
      ],
    });
    expect(html).toContain(campaign.letters.en.subject.replace(/&/g, '&amp;'));
    expect(html).toContain('Jauresgasse 12, 1030 Vienna, Austria');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Z. Å. Ö.');
    expect(html).not.toContain('Hidden Person');
    expect(html).toContain('Signed by 3 people:');
    expect(html).toContain('…and 1 more who asked not to be named.');
    expect(html).toContain('10 December 2026 at 09:00 GMT');
  });

  it('is written in the language asked for', () => {
    const html = letterPackHtml({ campaign, mission, language: 'fr', generatedAt: new Date('2026-12-10T09:00:00Z'), signatories: [{ fullName: 'Ana', display: 'full', country: 'AT' }] });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(campaign.letters.fr.subject.split(' ')[0]);
    expect(html).toContain('Ana</span>, <span class="c">Autriche');
  });
});
