/**
 * The site's security headers, as the production distribution sends them. The Content-Security-Policy
 * allows no inline code except the exact inline <script>/<style> blocks of the page being served,
 * by their SHA-256 hashes, so critical CSS may be inlined without 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';

const BASE_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The SHA-256 sources of a page's inline scripts (not src=, not JSON data) and inline styles. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs) || /\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attrs) || m[2] === '') continue;
    scripts.push(hash(m[2]!));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) if (m[1] !== '') styles.push(hash(m[1]!));
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

/** The Content-Security-Policy for a response; pass the HTML of a page to allow its own inline blocks. */
export function contentSecurityPolicy(html?: string, uploadOrigins: string[] = []): string {
  const policy = Object.fromEntries(Object.entries(BASE_POLICY).map(([k, v]) => [k, [...v]]));
  // Photos are uploaded straight to the bucket (presigned PUT): the page may connect there too.
  policy['connect-src']!.push(...uploadOrigins);
  if (html) {
    const { scripts, styles } = inlineHashes(html);
    policy['script-src']!.push(...scripts);
    policy['style-src']!.push(...styles);
  }
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** Headers every local response carries (production sends the same from its distribution). */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};
