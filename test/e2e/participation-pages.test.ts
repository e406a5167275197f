/**
 * The pages beyond the letter in a real headless Chromium: the missions directory (search, filters,
 * a call logged, a contact report), the in-person action form with a photo upload (whose published
 * copy carries no location data), co-signers, and axe-core on every new page.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { photoStorageService } from '../../local/object-store';
import { organizer as runCli } from '../support/organizer';
import { openCampaign } from '../fixtures/campaigns';
import { describeInBrowser, launchBrowser, type TestBrowser } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { api, withStack } from '../support/stack';

const MOBILE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LIMA = 'gb-embassy-pe-lima';

async function organizer(args: string[]) {
  const r = await runCli(args);
  return { code: r.code, text: r.text() };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeInBrowser('the missions directory, actions and co-signers pages', () => {
  const stack = withStack({ campaignDir: openCampaign({ rateLimits: { perMinute: 1000, perHour: 10000 } }), services: [photoStorageService()], env: { STATS_MAX_AGE_SECONDS: '0' } });
  let browser: TestBrowser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    context = await browser.newContext(MOBILE);
  });
  afterEach(async () => context?.close());

  async function open(path: string, ready: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${stack.current.url}${path}`);
    await page.locator(ready).first().waitFor();
    return page;
  }

  it('finds a mission by search and region, calls it with the script, and logs the outcome', async () => {
    const page = await open('/en/missions.html', '#missions .card');
    const total = await page.locator('#missions .card').count();
    expect(total).toBeGreaterThan(200);
    await page.getByLabel('Search').fill('lima');
    const visible = page.locator('#missions .card:not([hidden])');
    expect(await visible.count()).toBe(1);
    const lima = page.locator(`#missions .card[aria-labelledby="m-${LIMA}"]`);
    expect(await lima.isVisible()).toBe(true);
    expect(await lima.locator('h2').textContent()).toBe('British Embassy Lima');
    expect(await lima.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:+5116173000');
    expect(await page.locator('#shown').textContent()).toBe('1 missions');
    expect(await lima.getByRole('link', { name: 'Deliver it in person' }).getAttribute('href')).toBe(`/en/act.html?mission=${LIMA}`);
    expect(await lima.getByRole('link', { name: 'Actions', exact: true }).getAttribute('href')).toBe(`/en/actions.html?mission=${LIMA}`);

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Region').selectOption('SA');
    const southAmerica = await visible.count();
    expect(southAmerica).toBeGreaterThan(5);
    expect(southAmerica).toBeLessThan(total);

    await lima.getByText('Call script').click();
    expect(await lima.locator('.script').textContent()).toContain('British Embassy Lima');
    await lima.getByRole('button', { name: 'Left a voicemail' }).click();
    await lima.getByText('Thank you: your call is counted.').waitFor();
    expect((await api(stack.current, '/api/calls')).body.byMission[LIMA]).toMatchObject({ voicemail: 1 });
    expect(await lima.locator('.counts').textContent()).toContain('Calls logged: 1');
  });

  it('takes a report of wrong contact details from the directory, for the organisers', async () => {
    const page = await open(`/en/missions.html?country=PE`, '#missions .card:not([hidden])');
    const card = page.locator('#missions .card:not([hidden])').first();
    await card.getByText('Report wrong contact details').click();
    await card.getByLabel('What is wrong, and what is right?').fill('The phone number has changed to +51 1 617 3050.');
    await card.getByRole('button', { name: 'Send the report' }).click();
    await card.getByText('Thank you: the organisers will check it.').waitFor();
    expect((await organizer(['moderate', 'list', '--kind', 'report'])).text).toContain('+51 1 617 3050');
  });

  it('registers an in-person action with a photo; once approved, the gallery shows it without location data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'photo-'));
    const file = join(dir, 'vigil.jpg');
    writeFileSync(
      file,
      await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 20, g: 90, b: 160 } } })
        .jpeg()
        .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '12/1 7/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '77/1 2/1 0/1' } })
        .toBuffer(),
    );
    // From the Lima card of the directory: the mission comes chosen.
    const page = await open(`/en/act.html?mission=${LIMA}`, '#missionCountry:not([disabled])');
    expect(await page.locator('#missionId').inputValue()).toBe(LIMA);
    await page.getByLabel('Organisation or group').fill('Lima Vigil Group');
    await page.getByLabel('Contact email').fill('vigil@example.org');
    await page.getByLabel('Country of the mission').selectOption('PE');
    const when = new Date(Date.now() + 10 * 86_400_000);
    await page.getByLabel('Date and time (local time)').fill(`${when.toISOString().slice(0, 10)}T12:00`);
    await page.getByLabel('What you will do').fill('A candlelit vigil, then we hand in the letter.');
    await page.getByLabel('Photos (optional)').setInputFiles(file);
    await page.getByLabel(/I agree that this action and its photos may be published/).check();
    await page.getByRole('button', { name: 'Register the action' }).click();
    await page.getByText(/Check your inbox: confirm your email address/).waitFor();

    const mail = await new Mailbox(stack.current.sesUrl).latest('vigil@example.org');
    const link = /https?:\/\/\S+confirm-contact\.html\?kind=action&token=\S+/.exec(mail.body.text ?? '')![0];
    const confirm = await context.newPage();
    await confirm.goto(`${stack.current.url}${new URL(link).pathname}${new URL(link).search}`);
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await confirm.getByText(/your address is confirmed/).waitFor();

    const queue = await until(async () => {
      const q = JSON.parse((await organizer(['moderate', 'list', '--json'])).text) as { kind: string; ref: string }[];
      return q.some((e) => e.kind === 'photo') && q.some((e) => e.kind === 'action') ? q : undefined;
    });
    for (const e of queue.filter((x) => x.kind === 'action' || x.kind === 'photo')) expect((await organizer(['moderate', 'approve', e.kind, e.ref])).code).toBe(0);

    const gallery = await open('/en/actions.html', '#actions .card');
    expect(await gallery.locator('#actions .card h2').textContent()).toBe('Lima Vigil Group');
    const img = gallery.locator('#actions .card img');
    await img.waitFor();
    const src = (await img.getAttribute('src'))!;
    const published = Buffer.from(await (await fetch(`${stack.current.url}${src}`)).arrayBuffer());
    expect((await sharp(published).metadata()).exif).toBeUndefined();
    expect(published.includes(Buffer.from('PhoneCam'))).toBe(false);
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(400);
  });

  it('asks to co-sign as an organisation and lists it once approved', async () => {
    const page = await open('/en/cosign.html', '#cosign-form');
    await page.getByLabel('An organisation').check();
    await page.getByLabel(/^Name$/).fill('Press Freedom <Club>');
    await page.getByLabel(/^Country$/).selectOption('FR');
    await page.getByLabel('Website (optional)').fill('https://club.example.org');
    await page.getByLabel('Contact email').fill('club@example.org');
    await page.getByLabel(/I agree that this name is added/).check();
    await page.getByRole('button', { name: 'Add my name' }).click();
    await page.getByText(/The organisers review each name/).waitFor();

    const mail = await new Mailbox(stack.current.sesUrl).latest('club@example.org');
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail.body.text ?? '')![1]!);
    expect((await api(stack.current, '/api/cosigners/confirm', { body: { token } })).status).toBe(200);
    const q = JSON.parse((await organizer(['moderate', 'list', '--kind', 'cosigner', '--json'])).text) as { ref: string }[];
    expect((await organizer(['moderate', 'approve', 'cosigner', q[0]!.ref])).code).toBe(0);

    const list = await open('/en/cosign.html', '#cosigners li');
    expect(await list.locator('#cosigners li').first().textContent()).toBe('Press Freedom <Club>, France');
    expect(await list.locator('#cosigners li a').getAttribute('href')).toBe('https://club.example.org');
  });

  it("says in the page's language when the campaign does not accept an email provider", async () => {
    const page = await open('/fr/cosign.html', '#cosign-form');
    await page.locator('#name').fill('Camille Martin');
    await page.locator('#country').selectOption('FR');
    await page.locator('#email').fill('camille@yopmail.com');
    await page.locator('#consent').check();
    await page.locator('#submit').click();
    await page.locator('#email-error:not([hidden])').waitFor();
    expect(await page.locator('#email-error').textContent()).toBe('Ce fournisseur de courriel n’est pas accepté. Utilisez une adresse permanente.');
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await new Mailbox(stack.current.sesUrl).to('camille@yopmail.com')).toHaveLength(0);
  });

  it('names the field at fault on the action form, before anything is sent', async () => {
    const page = await open('/es/act.html', '#missionCountry:not([disabled])');
    await page.getByRole('button', { name: 'Registrar la acción' }).click();
    const org = page.locator('#organisation');
    expect(await org.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organisation');
    expect(await page.locator('#form-status').isVisible()).toBe(true);
    expect(await page.locator('#organisation-error').textContent()).toBe('Escribe el nombre de tu organización o grupo.');
  });

  for (const path of ['/en/missions.html', '/en/act.html', '/en/actions.html', '/en/cosign.html', '/fr/confirm-contact.html?kind=action&token=x']) {
    it(`has no accessibility violations (axe-core) at ${path}, on a phone`, async () => {
      const page = await context.newPage();
      await page.goto(`${stack.current.url}${path}`);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([]);
    });
  }

  // Last: it moves the campaign to dispatching.
  it('draws the delivery of the letters per mission from the public ledger, in the page language', async () => {
    const before = await open('/pt/delivery.html', '#delivery-status:not(:empty)');
    expect(await before.locator('#delivery-status').textContent()).toMatch(/^As cartas saem em .+\. \d+ aguardam\.$/);

    const { DynamoDeliveryLedger } = stack.current.load<typeof import('../../functions/adapters/delivery-ledger')>('functions/adapters/delivery-ledger');
    const { DynamoCampaignStateStore } = stack.current.load<typeof import('../../functions/adapters/campaign-state-store')>('functions/adapters/campaign-state-store');
    const ledger = new DynamoDeliveryLedger(stack.current.tableName);
    const campaignId = 'free-expression-2026';
    expect(await new DynamoCampaignStateStore(stack.current.tableName).transition(campaignId, 'open', 'dispatching')).toBe(true);
    await ledger.add(campaignId, 'gb-embassy-pe-lima', 'queued', 40);
    await ledger.add(campaignId, 'gb-embassy-pe-lima', 'sent', 30);
    await ledger.add(campaignId, 'gb-embassy-pe-lima', 'delivered', 28);
    await ledger.add(campaignId, 'gb-embassy-pe-lima', 'bounced', 1);
    await ledger.add(campaignId, 'gb-embassy-fr-paris', 'queued', 10);
    await ledger.add(campaignId, 'gb-embassy-fr-paris', 'sent', 10);
    await ledger.add(campaignId, 'gb-embassy-fr-paris', 'delivered', 10);
    await ledger.add(campaignId, 'gb-embassy-af-kabul', 'no_address', 3);

    // A new visitor (the campaign's status is cached by browsers for 30 s).
    await context.close();
    context = await browser.newContext(MOBILE);
    const page = await open('/pt/delivery.html', '#delivery li');
    expect(await page.locator('#delivery-status').textContent()).toBe('As cartas estão sendo enviadas agora.');
    expect(await page.locator('#delivery-totals').textContent()).toBe('40 de 50 cartas enviadas, 38 entregues.');
    const rows = page.locator('#delivery li');
    expect(await rows.count()).toBe(3);
    // Most letters first; each bar is sent over queued, named by its mission.
    const lima = rows.nth(0);
    expect(await lima.locator('h2').textContent()).toMatch(/Lima/);
    expect(await lima.locator('progress').evaluate((b: HTMLProgressElement) => [b.value, b.max])).toEqual([30, 40]);
    expect(await lima.textContent()).toContain('30 de 40 enviadas, 28 entregues');
    expect(await lima.textContent()).toContain('1 devolvidas');
    expect(await rows.nth(2).textContent()).toContain('3 para entregar em papel');
    expect(await rows.nth(2).locator('progress').count()).toBe(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([]);
  });
});
