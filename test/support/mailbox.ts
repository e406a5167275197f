/**
 * The local mailbox (aws-ses-v2-local's store) as tests see it: the mails sent, waiting for one to
 * an address, and the confirmation / removal links inside.
 */

/** One mail as the local SES stored it. */
export interface StoredMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
  /** Epoch seconds. */
  at: number;
}

/** A token-carrying link of the site: `<PUBLIC_URL>/<lang>/<page>.html?token=...`. */
export interface SiteLink {
  url: string;
  language: string;
  token: string;
}

/** The bare address of `"Name" <a@b.c>` or `a@b.c`, lowercased. */
export function bareAddress(address: string): string {
  const m = /<([^>]+)>\s*$/.exec(address);
  return (m ? m[1]! : address).trim().toLowerCase();
}

/** Every http(s) link in a mail's text (and HTML) body, in order, without duplicates. */
export function linksIn(mail: StoredMail): string[] {
  const text = `${mail.body.text ?? ''}\n${(mail.body.html ?? '').replace(/&amp;/g, '&')}`;
  return [...new Set(text.match(/https?:\/\/[^\s"'<>)\]]+/g) ?? [])];
}

function siteLink(mail: StoredMail, page: 'confirm' | 'remove'): SiteLink | undefined {
  for (const url of linksIn(mail)) {
    const parsed = new URL(url);
    const m = new RegExp(`^/([a-z]{2}(?:-[A-Za-z]{2})?)/${page}\\.html$`).exec(parsed.pathname);
    const token = parsed.searchParams.get('token');
    if (m && token) return { url, language: m[1]!, token };
  }
  return undefined;
}

/** The confirmation link (`/<lang>/confirm.html?token=...`) of a mail; throws when there is none. */
export function confirmLink(mail: StoredMail): SiteLink {
  const link = siteLink(mail, 'confirm');
  if (!link) throw new Error(`No confirmation link in the mail "${mail.subject}"`);
  return link;
}

/** The removal link (`/<lang>/remove.html?token=...`) of a mail; throws when there is none. */
export function removeLink(mail: StoredMail): SiteLink {
  const link = siteLink(mail, 'remove');
  if (!link) throw new Error(`No removal link in the mail "${mail.subject}"`);
  return link;
}

/** The local SES store at `sesUrl` (RunningStack.sesUrl). */
export class Mailbox {
  constructor(private readonly sesUrl: string) {}

  /** All stored mails, oldest first (optionally only those stored at or after `sinceEpochSeconds`). */
  async all(sinceEpochSeconds?: number): Promise<StoredMail[]> {
    const res = await fetch(`${this.sesUrl}/store${sinceEpochSeconds === undefined ? '' : `?since=${Math.floor(sinceEpochSeconds)}`}`);
    if (!res.ok) throw new Error(`The local SES store answered ${res.status}`);
    return ((await res.json()) as { emails: StoredMail[] }).emails;
  }

  /** Mails addressed (To, Cc or Bcc) to `address`, oldest first. */
  async to(address: string): Promise<StoredMail[]> {
    const wanted = bareAddress(address);
    return (await this.all()).filter((m) => [...m.destination.to, ...m.destination.cc, ...m.destination.bcc].some((a) => bareAddress(a) === wanted));
  }

  /**
   * Waits until at least `count` mails to `address` are stored and returns them (oldest first).
   * Polls every 50 ms for at most `timeoutMs`, then throws naming what it saw.
   */
  async waitFor(address: string, { count = 1, timeoutMs = 10_000 }: { count?: number; timeoutMs?: number } = {}): Promise<StoredMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = await this.to(address);
      if (mails.length >= count) return mails;
      if (Date.now() > deadline) throw new Error(`Expected ${count} mail(s) to ${address} within ${timeoutMs} ms, found ${mails.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The newest mail to `address`, waiting for it if none is there yet. */
  async latest(address: string, timeoutMs?: number): Promise<StoredMail> {
    return (await this.waitFor(address, { timeoutMs })).at(-1)!;
  }

  /** Empties the store. */
  async clear(): Promise<void> {
    const res = await fetch(`${this.sesUrl}/clear-store`, { method: 'POST' });
    if (!res.ok) throw new Error(`Clearing the local SES store failed: ${res.status}`);
  }
}
