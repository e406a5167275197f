/**
 * Builds the static site into web/dist: for every language of the campaign a signing page and the two
 * pages the mail links open (confirm.html, remove.html), plus `/` in the default language. The HTML is
 * rendered from the campaign files (CAMPAIGN_DIR, default campaigns/free-expression-2026) before Vite
 * bundles the scripts and styles into hashed files under assets/.
 */
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { loadCampaign } from '../functions/adapters/campaign-files.ts';
import type { Language } from '../functions/core/campaign.ts';
import { signingPage, tokenPage } from './build/pages.ts';
import { actPage, actionsPage, contactConfirmPage, cosignPage, deliveryPage, missionsPage } from './build/participate-pages.ts';
import { UI } from './src/i18n.ts';

const webDir = dirname(fileURLToPath(import.meta.url));
const repo = resolve(webDir, '..');
const generated = join(webDir, '.generated');
const campaign = loadCampaign(resolve(repo, process.env.CAMPAIGN_DIR ?? 'campaigns/free-expression-2026'));

/** Writes the pages (and their entry modules) into web/.generated, which Vite then builds as its root. */
function generate(): string[] {
  rmSync(generated, { recursive: true, force: true });
  const inputs: string[] = [];
  const write = (rel: string, html: string) => {
    const file = join(generated, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    inputs.push(file);
  };
  // Entry modules live in the root so that page scripts resolve; they only import the real code.
  mkdirSync(generated, { recursive: true });
  writeFileSync(join(generated, 'sign.ts'), "import '../src/sign';\n");
  writeFileSync(join(generated, 'token.ts'), "import '../src/token';\n");
  for (const page of ['missions', 'act', 'actions', 'cosign', 'delivery', 'confirm-contact']) writeFileSync(join(generated, `${page}.ts`), `import '../src/${page}';\n`);
  mkdirSync(join(generated, 'public'), { recursive: true });
  copyFileSync(join(webDir, 'src', 'favicon.svg'), join(generated, 'public', 'favicon.svg'));
  const langs = campaign.languages as Language[];
  const pathFor = (l: Language) => (l === campaign.defaultLanguage ? '/' : `/${l}/`);
  for (const lang of langs) {
    const ctx = { campaign, lang, pathFor, script: '/sign.ts' };
    write(`${lang}/index.html`, signingPage(ctx));
    write(`${lang}/confirm.html`, tokenPage({ ...ctx, script: '/token.ts' }, 'confirm'));
    write(`${lang}/remove.html`, tokenPage({ ...ctx, script: '/token.ts' }, 'remove'));
    write(`${lang}/missions.html`, missionsPage({ ...ctx, script: '/missions.ts' }));
    write(`${lang}/act.html`, actPage({ ...ctx, script: '/act.ts' }, UI[lang].chooseCountry, UI[lang].chooseMission));
    write(`${lang}/actions.html`, actionsPage({ ...ctx, script: '/actions.ts' }));
    write(`${lang}/cosign.html`, cosignPage({ ...ctx, script: '/cosign.ts' }));
    write(`${lang}/delivery.html`, deliveryPage({ ...ctx, script: '/delivery.ts' }));
    write(`${lang}/confirm-contact.html`, contactConfirmPage({ ...ctx, script: '/confirm-contact.ts' }));
  }
  write('index.html', signingPage({ campaign, lang: campaign.defaultLanguage, pathFor, script: '/sign.ts' }));
  return inputs;
}

export default defineConfig(() => {
  const inputs = generate();
  return {
    root: generated,
    publicDir: join(generated, 'public'),
    base: '/',
    logLevel: 'warn' as const,
    build: {
      outDir: join(webDir, 'dist'),
      emptyOutDir: true,
      target: 'es2020',
      // Styles and scripts as files: the Content-Security-Policy allows no inline code.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      rollupOptions: { input: Object.fromEntries(inputs.map((f) => [f.slice(generated.length + 1).replace(/\.html$/, '').replace(/[/\\]/g, '-'), f])) },
    },
  };
});
