import { parseUploadKey, photoKeys, plausibleActionDate, toPublicAction, toPublicCosigner, type Action, type Cosigner, type Photo } from '../../functions/core/participation';
import { ACTION_FIELDS, actionInputSchema, COSIGNER_FIELDS, cosignerInputSchema, validateBody } from '../../functions/core/participation-input';
import { contactConfirmationMail, contactLink } from '../../functions/core/contact-mail';
import { loadCampaign } from '../../functions/adapters/campaign-files';
import { DEFAULT_CAMPAIGN_DIR } from '../fixtures/campaigns';

const now = new Date('2026-11-25T10:00:00Z');
const action = { organisation: 'Group', email: 'g@example.org', missionId: 'gb-embassy-fr-paris', startsAt: '2026-12-10T11:00:00+01:00', description: 'Line one\r\nLine two', consent: true };

describe('participation input', () => {
  it('accepts an action, keeps its line breaks and reports the first problem in form order', () => {
    const ok = validateBody(actionInputSchema, action, ACTION_FIELDS);
    expect(ok).toMatchObject({ ok: true, value: { description: 'Line one\nLine two' } });
    expect(validateBody(actionInputSchema, { ...action, organisation: '', startsAt: 'soon' }, ACTION_FIELDS)).toMatchObject({ ok: false, field: 'organisation' });
    expect(validateBody(actionInputSchema, { ...action, startsAt: '2026-12-10 11:00' }, ACTION_FIELDS)).toMatchObject({ ok: false, field: 'startsAt' });
    expect(validateBody(actionInputSchema, { ...action, description: 'a\u0000b' }, ACTION_FIELDS)).toMatchObject({ ok: false, field: 'description' });
    expect(validateBody(actionInputSchema, [], ACTION_FIELDS)).toMatchObject({ ok: false, field: 'body' });
  });

  it('refuses a website that is not http(s), and allows none', () => {
    const c = { kind: 'organisation', name: 'Org', country: 'FR', email: 'o@example.org', consent: true };
    expect(validateBody(cosignerInputSchema, { ...c, website: 'javascript:alert(1)' }, COSIGNER_FIELDS)).toMatchObject({ ok: false, field: 'website' });
    expect(validateBody(cosignerInputSchema, { ...c, website: '' }, COSIGNER_FIELDS)).toMatchObject({ ok: true });
    expect(validateBody(cosignerInputSchema, c, COSIGNER_FIELDS)).toMatchObject({ ok: true });
  });

  it('takes action dates from three months back to a year ahead', () => {
    expect(plausibleActionDate('2026-12-10T11:00:00Z', now)).toBe(true);
    expect(plausibleActionDate('2026-09-01T11:00:00Z', now)).toBe(true);
    expect(plausibleActionDate('2026-08-01T11:00:00Z', now)).toBe(false);
    expect(plausibleActionDate('2028-01-01T11:00:00Z', now)).toBe(false);
  });
});

describe('what the public sees', () => {
  const base = { campaignId: 'c', id: 'a1', status: 'approved' as const, country: 'BR', email: 'x@example.org', language: 'en' as const, createdAt: '', confirmTokenHash: '', confirmExpiresAt: '' };
  it('shows a co-signer as they chose, an organisation by its name, and never the email', () => {
    expect(toPublicCosigner({ ...base, kind: 'individual', name: 'Ana Maria Souza', display: 'initials' } as Cosigner)).toEqual({ id: 'a1', kind: 'individual', name: 'A. M. S.', country: 'BR' });
    expect(toPublicCosigner({ ...base, kind: 'individual', name: 'Ana', display: 'hidden' } as Cosigner)).toBeUndefined();
    expect(toPublicCosigner({ ...base, kind: 'organisation', name: 'Liberté Presse', display: 'initials', website: 'https://l.example.org' } as Cosigner)).toEqual({ id: 'a1', kind: 'organisation', name: 'Liberté Presse', country: 'BR', website: 'https://l.example.org' });
  });

  it('lists only approved, processed photos of an action, at their published address', () => {
    const a = { ...base, organisation: 'G', missionId: 'm', startsAt: 's', description: 'd', uploadTokenHash: 'h', photoCount: 2 } as unknown as Action;
    const photo = (id: string, status: Photo['status']): Photo => ({ campaignId: 'c', actionId: 'a1', id, status, declaredType: 'image/png', declaredSize: 1, type: 'image/png', width: 2, height: 3, createdAt: '' });
    const pub = toPublicAction(a, [photo('p1', 'approved'), photo('p2', 'pending'), photo('p3', 'rejected')]);
    expect(pub.photos).toEqual([{ id: 'p1', url: '/photos/c/a1/p1.png', width: 2, height: 3 }]);
    expect(JSON.stringify(pub)).not.toContain('example.org');
  });

  it('reads back only the upload keys it makes', () => {
    expect(parseUploadKey(photoKeys.upload('free-expression-2026', 'ab12', 'cd34'))).toEqual({ campaignId: 'free-expression-2026', actionId: 'ab12', photoId: 'cd34' });
    expect(parseUploadKey('uploads/c/../x')).toBeUndefined();
    expect(parseUploadKey(photoKeys.processed('c', 'a', 'p'))).toBeUndefined();
  });
});

describe('the contact confirmation mail', () => {
  const campaign = loadCampaign(DEFAULT_CAMPAIGN_DIR);
  it('links to the confirmation page and escapes what was submitted', () => {
    const link = contactLink('https://letters.example.org', 'fr', 'cosigner', 'id.secret');
    expect(link).toBe('https://letters.example.org/fr/confirm-contact.html?kind=cosigner&token=id.secret');
    const mail = contactConfirmationMail({ campaign, language: 'fr', kind: 'cosigner', name: '<img src=x onerror=alert(1)>\r\nBcc: a@b.c', to: 'x@example.org', link, fromAddress: 'letters@example.org', id: 'id' });
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain(link);
    expect(mail.subject).toMatch(/^Confirmez votre signature/);
  });
});
