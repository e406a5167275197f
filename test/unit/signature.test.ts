import { displayName, makeToken, newSecret, normaliseEmailForDedup, parseToken, secretMatches, signatureId } from '../../functions/core/signature';
import { networkOf } from '../../functions/core/network';

describe('recognising a repeat signer', () => {
  it('treats case, +tags and Gmail dots as the same address', () => {
    const id = signatureId('c', 'ana.silva@gmail.com');
    expect(signatureId('c', 'AnaSilva+letters@GMail.com')).toBe(id);
    expect(signatureId('c', 'anasilva@googlemail.com')).toBe(id);
    expect(normaliseEmailForDedup('A.B+x@Example.ORG')).toBe('a.b@example.org');
  });

  it('keeps different people apart, and the same person apart across campaigns', () => {
    expect(signatureId('c', 'a.b@example.org')).not.toBe(signatureId('c', 'ab@example.org'));
    expect(signatureId('c1', 'ana@example.org')).not.toBe(signatureId('c2', 'ana@example.org'));
  });

  it('derives an id that does not contain the address', () => {
    expect(signatureId('c', 'ana@example.org')).not.toMatch(/ana|example/);
  });
});

describe('tokens', () => {
  it('round-trip and only the right secret matches', () => {
    const { secret, hash } = newSecret();
    const token = makeToken(signatureId('c', 'a@example.org'), secret);
    const parsed = parseToken(token)!;
    expect(secretMatches(parsed.secret, hash)).toBe(true);
    expect(secretMatches(newSecret().secret, hash)).toBe(false);
  });

  it('refuse anything not shaped like a token', () => {
    for (const t of ['', 'abc', 'x'.repeat(200), 42, null, { id: 1 }, `${'a'.repeat(26)}.${'b'.repeat(31)}`]) expect(parseToken(t)).toBeUndefined();
  });

  it('are unguessable: 192 bits of randomness, never repeated', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newSecret().secret));
    expect(seen.size).toBe(1000);
    expect(Buffer.from(newSecret().secret, 'base64url').length).toBe(24);
  });
});

describe('how a name appears in public', () => {
  it('shows the full name, initials, or nothing, as the signer chose', () => {
    expect(displayName('Ana Maria Silva-Costa', 'full')).toBe('Ana Maria Silva-Costa');
    expect(displayName('Ana Maria Silva-Costa', 'initials')).toBe('A. M. S. C.');
    expect(displayName('Ana Silva', 'hidden')).toBeUndefined();
    expect(displayName('élodie dupont', 'initials')).toBe('É. D.');
  });
});

describe('rate-limit networks', () => {
  it('groups an IPv6 /64 together and keeps IPv4 addresses apart', () => {
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe(networkOf('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(networkOf('2001:db8:1:3::1')).not.toBe(networkOf('2001:db8:1:2::1'));
    expect(networkOf('203.0.113.7')).not.toBe(networkOf('203.0.113.8'));
    expect(networkOf('::ffff:203.0.113.7')).toBe(networkOf('203.0.113.7'));
  });

  it('never stores the raw address', () => {
    expect(networkOf('203.0.113.7')).not.toContain('203');
  });
});
