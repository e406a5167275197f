/**
 * Structured JSON logs with ids (campaign, mission, letter), never personal data. As a last line
 * of defence, anything shaped like an email address is masked before it is written.
 */
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g;

type Fields = Record<string, string | number | boolean | undefined | null>;

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** LOG_LEVEL (debug | info | warn | error | silent, default info) is read per line so tests may change it. */
function enabled(level: Level): boolean {
  const threshold = RANK[(process.env.LOG_LEVEL ?? 'info') as Level] ?? RANK.info;
  return RANK[level] >= threshold;
}

/**
 * LOG_AUDIT_DIR (set by the test runner only): every line, at every level and before masking, is also
 * appended to a file there, so the privacy audit can prove that no handler tried to log an email
 * address or a name (test/support/privacy-audit.ts).
 */
function audit(raw: string) {
  const dir = process.env.LOG_AUDIT_DIR;
  if (!dir) return;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('node:fs') as typeof import('node:fs')).appendFileSync(`${dir}/${process.pid}.jsonl`, raw + '\n');
  } catch {
    // The audit must never break the product.
  }
}

function write(level: Level, event: string, fields: Fields = {}) {
  const raw = JSON.stringify({ level, event, time: new Date().toISOString(), ...fields });
  audit(raw);
  if (!enabled(level)) return;
  const line = raw.replace(EMAIL, '[email]');
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

/** The product's logger. Pass ids and counts only: names and emails stay out of logs. */
export const log = {
  debug: (event: string, fields?: Fields) => write('debug', event, fields),
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
