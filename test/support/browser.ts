/**
 * Headless Chromium for browser tests (the Debian package at /usr/bin/chromium, driven by
 * playwright-core; downloads are never needed). Each browser gets a fresh profile.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether the browser is installed (`apt-get install -y chromium`); browser tests refuse to run without it. */
export const hasChromium = () => existsSync(CHROMIUM);

export interface TestBrowser {
  browser: Browser;
  /** A new isolated context (own cookies and storage), e.g. one per signer. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the flags TOOLCHAIN.md lists; throws a clear message when it is missing. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!hasChromium()) throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  // playwright's launch() gives Chromium a fresh temporary profile of its own and removes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    newContext: (options) => browser.newContext(options),
    close: () => browser.close().catch(() => undefined),
  };
}

/**
 * A describe block for browser tests. Without Chromium it is skipped with a loud warning, unless
 * REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium()) {
    describe(name, body);
    return;
  }
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (REQUIRE_BROWSER=1 makes this a failure).`);
      });
    });
    return;
  }
  console.warn(`\n!!! BROWSER TESTS SKIPPED: "${name}" needs Chromium at ${CHROMIUM} (apt-get install -y chromium). Set REQUIRE_BROWSER=1 to make this a failure. !!!\n`);
  describe.skip(name, body);
}
