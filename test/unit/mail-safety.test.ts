import { escapeHtml, formatAddress, headerSafe, textToHtmlParagraphs } from '../../functions/core/mail-safety';

describe('signer input in mail', () => {
  it('cannot break out of a header line', () => {
    expect(headerSafe('Ana\r\nBcc: victim@example.org')).toBe('Ana Bcc: victim@example.org');
    expect(headerSafe('a\u2028b\u0000c')).toBe('a b c');
  });

  it('cannot add a recipient through a display name', () => {
    expect(formatAddress('letters@example.org', 'Ana, <x@evil.test>')).toBe('"Ana, <x@evil.test>" <letters@example.org>');
    expect(formatAddress('letters@example.org', 'Quote " back\\slash')).toBe('"Quote \\" back\\\\slash" <letters@example.org>');
  });

  it('encodes non-ASCII display names (RFC 2047)', () => {
    const out = formatAddress('letters@example.org', 'Zoë 王');
    expect(out).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <letters@example\.org>$/);
    expect(Buffer.from(out.split('?')[3]!, 'base64').toString('utf8')).toBe('Zoë 王');
  });

  it('arrives inert in HTML', () => {
    expect(escapeHtml('<script>alert("x")</script>&\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(textToHtmlParagraphs('a <b>\n\nc')).toBe('<p>a &lt;b&gt;</p>\n<p>c</p>');
  });
});
