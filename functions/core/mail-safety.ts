/**
 * Making signer input safe in mail. SES builds the headers from structured fields, but a CR/LF or
 * a control character in a display name or subject must never reach it, and every piece of user
 * text in an HTML part is escaped.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One header-safe line: control characters and line breaks become spaces, runs collapse, length capped. */
export function headerSafe(text: string, maxLength = 200): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(flat).slice(0, maxLength).join('');
}

/**
 * A display name for "From"/"To" headers, as an RFC 5322 quoted string (RFC 2047 encoded when not
 * ASCII), so commas, angle brackets and @ in a name can never add a recipient.
 */
export function formatAddress(address: string, displayName?: string): string {
  if (!displayName) return address;
  const safe = headerSafe(displayName, 120);
  if (safe === '') return address;
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7E]*$/.test(safe)) return `"${safe.replace(/["\\]/g, '\\$&')}" <${address}>`;
  return `=?UTF-8?B?${Buffer.from(safe, 'utf8').toString('base64')}?= <${address}>`;
}

/** Plain-text paragraphs to HTML paragraphs, every character escaped. */
export function textToHtmlParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
