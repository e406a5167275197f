/**
 * Page weight: gzip bytes of everything each signing page needs for its first render (the HTML and
 * the scripts and styles it links; the site uses system fonts, so no font), from the built site in
 * web/dist, beside the 14 KB a first TCP round trip carries. Also the other pages of the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult, Figure } from './lib/report';

const DIST = resolve(__dirname, '..', 'web', 'dist');
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** The page's HTML and every script, module preload and stylesheet it links, gzip bytes each. */
export function firstRenderBytes(page: string): { total: number; parts: Record<string, number> } {
  const html = readFileSync(join(DIST, page));
  const parts: Record<string, number> = { [page]: gz(html) };
  const text = html.toString('utf8');
  for (const m of text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\srel="(?:stylesheet|modulepreload)"[^>]*\shref)="([^"]+)"/g)) {
    const file = join(DIST, m[1]!.replace(/^\//, ''));
    if (existsSync(file)) parts[m[1]!] = gz(readFileSync(file));
  }
  // Static imports between chunks load before the page runs: count them too (once).
  const seen = new Set(Object.keys(parts));
  for (const key of [...seen]) {
    if (!key.endsWith('.js')) continue;
    for (const imp of readFileSync(join(DIST, key.replace(/^\//, '')), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
      const name = `/assets/${imp[1] ?? imp[2]}`;
      if (!seen.has(name)) {
        seen.add(name);
        parts[name] = gz(readFileSync(join(DIST, name.replace(/^\//, ''))));
      }
    }
  }
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

export async function run(): Promise<BenchResult> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first');
  const figures: Figure[] = [];
  for (const page of ['index.html', 'es/index.html', 'pt/index.html', 'fr/index.html']) {
    const { total, parts } = firstRenderBytes(page);
    figures.push({ name: `signing page /${page.replace('index.html', '')}`, value: total / 1024, unit: 'KB gzip', goal: { op: '<=', target: 14 }, note: Object.entries(parts).map(([k, v]) => `${k.replace(/^\/assets\//, '')} ${(v / 1024).toFixed(1)}`).join(', ') });
  }
  for (const page of ['en/missions.html', 'en/act.html', 'en/actions.html', 'en/cosign.html']) {
    figures.push({ name: `/${page}`, value: firstRenderBytes(page).total / 1024, unit: 'KB gzip', note: 'HTML, scripts and styles' });
  }
  return { name: 'page-weight', title: 'Page weight: what the first render needs, gzip', figures, notes: ['Fonts: none (system fonts). Data the scripts fetch afterwards (missions, counts) is not part of the first render.'] };
}
