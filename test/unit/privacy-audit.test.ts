import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../support/privacy-audit';

describe('the privacy audit of logged lines', () => {
  it('finds an email address, a submitted name and a seeded signer, and passes ids and counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(
      join(dir, '1.jsonl'),
      [
        JSON.stringify({ level: 'info', event: 'signature.created', signatureId: 'abc', missionId: 'gb-embassy-pe-lima' }),
        JSON.stringify({ level: 'warn', event: 'oops', to: 'rosa@example.org' }),
        JSON.stringify({ level: 'info', event: 'oops', who: 'Rosa Quispe' }),
        JSON.stringify({ level: 'info', event: 'oops', who: 'seed Signer 12' }),
      ].join('\n'),
    );
    const result = scan(dir);
    expect(result.lines).toBe(4);
    expect(result.problems).toHaveLength(3);
    expect(result.problems.join('\n')).toMatch(/email address[\s\S]*Rosa Quispe[\s\S]*seeded signer/);
  });
});
