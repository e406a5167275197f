/**
 * Structured JSON logs with ids (campaign, mission, letter), never personal data. As a last line
 * of defence, anything shaped like an email address is masked before it is written.
 */
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g;

type Fields = Record<string, string | number | boolean | undefined | null>;

function write(level: 'debug' | 'info' | 'warn' | 'error', event: string, fields: Fields = {}) {
  if (level === 'debug' && process.env.LOG_LEVEL !== 'debug') return;
  if (process.env.LOG_LEVEL === 'silent') return;
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
