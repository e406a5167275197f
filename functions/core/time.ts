/** Time-zone arithmetic with the platform's Intl (no date library). */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat is costly to build; one per zone is kept for the life of the process. */
function numericFormatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function partsIn(timeZone: string, instant: Date): Record<string, number> {
  const fmt = numericFormatter(timeZone);
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Europe/London in winter: 0, in summer: 60). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const p = partsIn(timeZone, instant);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant at which the wall clock in `timeZone` shows `localDateTime` ("2026-12-10T09:00[:00]"). */
export function wallClockToInstant(localDateTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(localDateTime);
  if (!m) throw new Error(`Not a local date-time (YYYY-MM-DDTHH:MM[:SS]): ${localDateTime}`);
  const [, y, mo, d, h, mi, s] = m;
  const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Two passes settle the offset even across a DST change.
  let guess = naive - offsetMinutes(timeZone, new Date(naive)) * 60000;
  guess = naive - offsetMinutes(timeZone, new Date(guess)) * 60000;
  return new Date(guess);
}

/** ISO 8601 with the zone's offset at that instant, e.g. "2026-12-10T09:00:00+00:00". */
export function toZonedIso(instant: Date, timeZone: string): string {
  const off = offsetMinutes(timeZone, instant);
  const local = new Date(instant.getTime() + off * 60000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall-clock "YYYY-MM-DDTHH:MM:SS" of `instant` in `timeZone` (what EventBridge Scheduler's at() wants). */
export function toWallClock(instant: Date, timeZone: string): string {
  return toZonedIso(instant, timeZone).slice(0, 19);
}

const peopleFormatters = new Map<string, { when: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

/**
 * A date and time for people, in their language, with the zone's short name:
 * "10 December 2026 at 09:00 GMT" / "10 de diciembre de 2026, 9:00 GMT".
 * (Intl refuses dateStyle together with timeZoneName, so the zone name is formatted apart.)
 */
export function formatForPeople(instant: Date, language: string, timeZone: string): string {
  // British English for 'en': "10 December 2026 at 09:00" reads the same everywhere, unlike the US order.
  const locale = language === 'en' ? 'en-GB' : language;
  // Built once per language and zone: constructing Intl formatters costs far more than formatting.
  const key = `${locale}|${timeZone}`;
  let f = peopleFormatters.get(key);
  if (!f) {
    f = {
      when: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      zone: new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
    };
    peopleFormatters.set(key, f);
  }
  const when = f.when.format(instant);
  const zone = f.zone.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${when} ${zone}` : when;
}
