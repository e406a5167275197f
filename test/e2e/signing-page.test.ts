/**
 * The signing page in a real headless Chromium against the local stack: what a signer sees and does,
 * with the mouse, with the keyboard only, without JavaScript, in four languages, and what axe-core finds.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { openCampaign } from '../fixtures/campaigns';
import { describeInBrowser, launchBrowser, type TestBrowser } from '../support/browser';
import { Mailbox, confirmLink, removeLink } from '../support/mailbox';
import { api, withStack } from '../support/stack';

const MOBILE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describeInBrowser('the signing page', () => {
  const stack = withStack({ campaignDir: openCampaign({ rateLimits: { perMinute: 1000, perHour: 10000 } }), env: { STATS_MAX_AGE_SECONDS: '0' } });
  let browser: TestBrowser;
  let context: BrowserContext;
  let mailbox: Mailbox;

  beforeAll(async () => {
    browser = await launchBrowser();
    mailbox = new Mailbox(stack.current.sesUrl);
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    context = await browser.newContext(MOBILE);
  });
  afterEach(async () => context?.close());

  async function open(path = '/'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${stack.current.url}${path}`);
    await page.locator('#missionCountry:not([disabled])').waitFor();
    return page;
  }

  async function fillForm(page: Page, who: { name: string; email: string; country?: string; missionCountry?: string }) {
    await page.getByLabel(/^Full name$/).fill(who.name);
    await page.getByLabel('Your country').selectOption(who.country ?? 'PE');
    await page.getByLabel(/^Email$/).fill(who.email);
    if (who.missionCountry) await page.locator('#missionCountry').selectOption(who.missionCountry);
    await page.getByLabel(/I agree that this letter is sent in my name/).check();
  }

  it('shows the letter and the form in the HTML itself, with JavaScript off', async () => {
    const noJs = await browser.newContext({ ...MOBILE, javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${stack.current.url}/`);
    await expectVisible(page, 'h1');
    expect(await page.locator('.letter h3').textContent()).toMatch(/no more prosecutions for publishing the truth/);
    expect(await page.locator('.letter ol li').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Send Letter' }).count()).toBe(1);
    expect(await page.locator('noscript').count()).toBe(1);
    await noJs.close();
  });

  it('lets a signer sign, confirm from the mail, and see the count go up', async () => {
    const page = await open('/');
    const before = (await api(stack.current, '/api/stats')).body.confirmed as number;
    await fillForm(page, { name: 'Rosa Quispe', email: 'rosa@example.org' });
    // Signing from Peru pre-selects the embassy in Lima.
    expect(await page.locator('#missionCountry').inputValue()).toBe('PE');
    expect(await page.locator('#missionId').inputValue()).toBe('gb-embassy-pe-lima');
    await page.getByRole('button', { name: 'Send Letter' }).click();
    await page.getByText('Check your inbox').waitFor();

    const mail = await mailbox.latest('rosa@example.org');
    const confirmPage = await context.newPage();
    await confirmPage.goto(confirmLink(mail).url);
    await confirmPage.getByRole('button', { name: 'Confirm my signature' }).click();
    await confirmPage.getByText('your signature is confirmed').waitFor();

    // A new visitor (the first one's browser may keep the count it has for up to a minute, by design).
    await context.close();
    context = await browser.newContext(MOBILE);
    const again = await open('/');
    await again.getByText(new RegExp(`^${before + 1} (people have signed|person has signed)`)).waitFor();
  });

  it('lets a signer remove their signature from the link in the mail', async () => {
    const page = await open('/');
    await fillForm(page, { name: 'Tomás Remover', email: 'tomas@example.org' });
    await page.getByRole('button', { name: 'Send Letter' }).click();
    await page.getByText('Check your inbox').waitFor();
    const removePage = await context.newPage();
    await removePage.goto(removeLink(await mailbox.latest('tomas@example.org')).url);
    await removePage.getByRole('button', { name: 'Remove my signature' }).click();
    await removePage.getByText('Your signature has been removed').waitFor();
    // The link works once.
    await removePage.reload();
    await removePage.getByRole('button', { name: 'Remove my signature' }).click();
    await removePage.getByText('not valid or has already been used').waitFor();
  });

  it('announces errors and ties each to its field', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: 'Send Letter' }).click();
    const name = page.getByLabel(/^Full name$/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#fullName-error').textContent()).toMatch(/Enter your full name/);
    expect(await name.getAttribute('aria-describedby')).toContain('fullName-error');
    expect(await page.locator('#form-status[role=alert]').textContent()).toMatch(/correct the highlighted fields/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fullName');

    await fillForm(page, { name: 'Ana', email: 'not-an-email' });
    await page.getByRole('button', { name: 'Send Letter' }).click();
    expect(await page.locator('#email-error').textContent()).toMatch(/valid email address/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
  });

  it('can be signed with the keyboard only', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Enter');
    await page.locator('#fullName').focus();
    await page.keyboard.type('Keyboard Person');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kenya'); // type-ahead in the select
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys@example.org');
    // Host country follows the signer's country; tab through to the consent box.
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'consent') await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'send') await page.keyboard.press('Tab');
    expect(await page.locator('#missionCountry').inputValue()).toBe('KE');
    await page.keyboard.press('Enter');
    await page.getByText('Check your inbox').waitFor();
    expect((await mailbox.latest('keys@example.org')).subject).toMatch(/confirm/i);
  });

  it('shows a name full of markup as text, on the page and in the mail', async () => {
    const page = await open('/');
    let alerted = false;
    page.on('dialog', async (d) => {
      alerted = true;
      await d.dismiss();
    });
    const evil = '<img src=x onerror=alert(1)> Mallory';
    await fillForm(page, { name: evil, email: 'mallory@example.org' });
    expect(await page.locator('#preview-name').textContent()).toBe(evil);
    expect(await page.locator('.letter img').count()).toBe(0);
    await page.getByRole('button', { name: 'Send Letter' }).click();
    await page.getByText('Check your inbox').waitFor();
    const mail = await mailbox.latest('mallory@example.org');
    expect(mail.body.html ?? '').not.toContain('<img src=x');
    expect(alerted).toBe(false);
  });

  it('speaks Spanish on the Spanish page, with country names in Spanish', async () => {
    const page = await open('/es/');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.getByRole('button', { name: 'Enviar carta' }).count()).toBe(1);
    expect(await page.locator('#country option[value=DE]').textContent()).toBe('Alemania');
    expect(await page.locator('#missionCountry option[value=GB]').count() + (await page.locator('#missionCountry option[value=ES]').textContent() ?? '').length).toBeGreaterThan(0);
    expect(await page.locator('#missionCountry option[value=ES]').textContent()).toBe('España');

    // The server refuses a provider the campaign blocks; the page says so in Spanish, at the field.
    await page.locator('#fullName').fill('Lucía Pérez');
    await page.locator('#country').selectOption('PE');
    await page.locator('#email').fill('lucia@mailinator.com');
    await page.locator('#consent').check();
    await page.getByRole('button', { name: 'Enviar carta' }).click();
    await page.locator('#email-error:not([hidden])').waitFor();
    expect(await page.locator('#email-error').textContent()).toBe('No se acepta este proveedor de correo. Use una dirección permanente.');
  });

  for (const path of ['/', '/es/', '/pt/', '/fr/', '/en/confirm.html?token=x', '/fr/remove.html?token=x']) {
    it(`has no accessibility violations (axe-core) at ${path}, on a phone`, async () => {
      const page = await context.newPage();
      await page.goto(`${stack.current.url}${path}`);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }
});

async function expectVisible(page: Page, selector: string) {
  expect(await page.locator(selector).first().isVisible()).toBe(true);
}
