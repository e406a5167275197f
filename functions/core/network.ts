/** The rate-limit subject for a client address: the IPv4 address, or the /64 of an IPv6 address (one household or office). */
import { createHash } from 'node:crypto';

/** A pseudonymous network id: hashed, so the table never holds raw IP addresses. */
export function networkOf(ip: string): string {
  let subject = ip.trim().toLowerCase();
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(subject);
  if (v4mapped) subject = v4mapped[1]!;
  else if (subject.includes(':')) subject = ipv6Prefix64(subject);
  return createHash('sha256').update(`net:${subject}`).digest('base64url').slice(0, 22);
}

function ipv6Prefix64(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':') + '::/64';
}
