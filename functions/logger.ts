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

function write(level: Level, event: string, fields: Fields = {}) {
  if (!enabled(level)) return;
  const line = JSON.stringify({ level, event, time: new Date().toISOString(), ...fields }).replace(EMAIL, '[email]');
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

/** The product's logger. Pass ids and counts only: names and emails stay out of logs. */
export const log = {
  debug: (event: string, fields?: Fields) => write('debug', event, fields),
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
