/** An export of 100,000 confirmed letters streams in bounded memory (the organiser's laptop is not a server). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCampaign } from '../fixtures/campaigns';
import { seedSignatures } from '../fixtures/signatures';
import { withStack } from '../support/stack';

describe('an export of 100,000 letters', () => {
  const stack = withStack({ campaignDir: openCampaign() });

  it('streams row for row in a process whose heap could not hold them, and shows its progress', async () => {
    await seedSignatures({
      tableName: stack.current.tableName,
      campaignId: 'free-expression-2026',
      count: 100_000,
      missionIds: ['gb-embassy-fr-paris', 'gb-embassy-pe-lima', 'gb-high-commission-ke-nairobi'],
    });
    // The export runs as the organiser runs it (its own process), with a heap too small to hold the rows:
    // 100,000 letters in memory take well over 100 MB, so only a streaming export can finish.
    const out = join(mkdtempSync(join(tmpdir(), 'export-')), 'letters.csv');
    // Asynchronously: the stand-in DynamoDB answering it lives in this test's process.
    const child = await promisify(execFile)(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'organizer/cli.ts', 'export', '--out', out], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(child.stderr).toMatch(/Exported 100,000 confirmed signature\(s\)/);
    // Progress is shown (as lines when not on a terminal).
    expect(child.stderr).toMatch(/Exporting: \d+\/100000 \(50%\)/);
    let lines = 0;
    for (const b of readFileSync(out)) if (b === 10) lines++;
    expect(lines).toBe(100_001);
  }, 300_000);
});
