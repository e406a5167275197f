/**
 * `npm run bench [-- <name>...]`: runs every bench/<name>.ts that exports run() (or only the named
 * ones), prints each one's figures with their goals and ratios, and writes bench/results/latest.json.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // the SDK's notice about future Node.js versions is not a figure
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatResult, goalMet, type BenchResult } from './lib/report';

// The issue's order; benchmarks added later run after these, alphabetically.
const ORDER = ['page-weight', 'cold-start', 'signing-throughput', 'dispatch'];

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length) {
    console.error(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    process.exit(2);
  }
  const results: (BenchResult | { name: string; error: string })[] = [];
  for (const name of wanted.length ? wanted : available) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(__dirname, name)) as { run?: () => Promise<BenchResult> };
      if (typeof mod.run !== 'function') continue;
      console.log(`\n… ${name}`);
      const result = await mod.run();
      results.push(result);
      console.log(Array.isArray(result?.figures) ? formatResult(result) : JSON.stringify(result, null, 2));
    } catch (e) {
      // One broken benchmark does not hide the others' figures.
      results.push({ name, error: (e as Error).stack ?? String(e) });
      console.error(`${name} failed: ${(e as Error).stack ?? e}`);
    }
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  const missed = results.flatMap((r) => ('figures' in r ? r.figures.filter((f) => goalMet(f) === false).map((f) => `${r.name}: ${f.name}`) : [`${r.name}: failed`]));
  console.log(`\nWrote bench/results/latest.json. ${missed.length ? `Goals missed: ${missed.join('; ')}` : 'Every goal met.'}`);
  // A missed goal is a finding to report, not a crash: only a benchmark that failed to run fails the command.
  process.exitCode = results.some((r) => 'error' in r) ? 1 : 0;
}

void main();
