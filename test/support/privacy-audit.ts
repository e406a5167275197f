/**
 * The privacy audit of the whole test run. Every line the product logs during the suites (handlers,
 * local services and child processes, at every level and before the logger masks anything) is
 * captured under LOG_AUDIT_DIR; after the run this scans them all for email addresses and for the
 * names the tests submitted, and fails the run on any. Runs as jest's globalSetup/globalTeardown.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const ROOT = resolve(__dirname, '..', '..');

export function auditDir(pid = process.pid): string {
  return join(tmpdir(), `letters-log-audit-${pid}`);
}

/** The personal names the tests submit: literal name fields in test sources, and the seeded "<prefix> Signer <n>". */
function submittedNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:fullName|name|organisation): '([^'$`{}]{5,80})'/g)) names.add(m[1]!);
      }
    }
  };
  walk(join(ROOT, 'test'));
  return [...names].filter((n) => /\p{L}{2,}.*\s/u.test(n)); // names of two words or more: single words are too common to mean a person
}

export function scan(dir: string): { lines: number; problems: string[] } {
  const names = submittedNames();
  const problems: string[] = [];
  let lines = 0;
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      if (EMAIL.test(line)) problems.push(`an email address: ${line.slice(0, 300)}`);
      const name = names.find((n) => line.includes(n)) ?? (/\b\w+ Signer \d+\b/.test(line) ? 'a seeded signer' : undefined);
      if (name) problems.push(`a name (${name}): ${line.slice(0, 300)}`);
    }
  }
  return { lines, problems };
}

export async function setup() {
  const dir = auditDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.env.LOG_AUDIT_DIR = dir;
}

export async function teardown() {
  const dir = auditDir();
  const { lines, problems } = scan(dir);
  rmSync(dir, { recursive: true, force: true });
  if (problems.length) {
    throw new Error(`Privacy audit: ${problems.length} logged line(s) carry personal data:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  process.stdout.write(`\nPrivacy audit: ${lines.toLocaleString('en')} lines logged by the product during the tests, 0 email addresses, 0 names.\n`);
}
