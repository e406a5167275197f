/**
 * Cold start per function: each handler bundled two ways, the AWS SDK bundled and minified (what
 * infra/function.ts deploys) versus left out for the Lambda runtime to provide, side by side. For each:
 * bundle size, and the time a fresh Node.js process takes to load the bundle and answer one real request
 * (against the local stack's DynamoDB and SES), median of several fresh processes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROUTES } from '../functions/routes';
import { LAMBDA_BUNDLE } from '../infra/bundling';
import type { BenchResult, Figure } from './lib/report';
import { startServerProcess } from './lib/server-process';
import { median } from './lib/stats';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, '.tmp', 'cold-start');
const SAMPLES = Number(process.env.COLD_START_SAMPLES ?? 7);
const run = promisify(execFile);

const VARIANTS = {
  // As infra/function.ts bundles for the deploy (infra/bundling.ts).
  bundled: { external: [] as string[], ...LAMBDA_BUNDLE },
  'sdk-external': { external: ['@aws-sdk/*', '@smithy/*'], mainFields: ['main', 'module'], alias: {} },
};

function eventFor(method: string, path: string, n: number) {
  const body =
    path === '/api/signatures'
      ? { fullName: `Cold Start ${n}`, country: 'FR', email: `cold${n}-${Date.now()}@example.org`, missionId: 'gb-embassy-fr-paris', consent: true }
      : path.startsWith('/api/signatures/')
        ? { token: `${'A'.repeat(26)}.${'b'.repeat(32)}` }
        : undefined;
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: body ? { 'content-type': 'application/json' } : {},
    requestContext: { http: { method, path, sourceIp: `10.9.${n % 250}.${(n * 7) % 250}` }, requestId: `cold-${n}` },
    body: body ? JSON.stringify(body) : undefined,
    isBase64Encoded: false,
  };
}

// Runs in the fresh process: load the bundle, answer one event, print the two durations.
const PROBE = `
const t0 = performance.now();
const m = require(process.argv[1]);
const t1 = performance.now();
m.handler(JSON.parse(process.argv[2])).then((r) => {
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ load: t1 - t0, answer: t2 - t1, status: r.statusCode }));
});`;

export async function run_(): Promise<BenchResult> {
  rmSync(OUT, { recursive: true, force: true });
  const server = await startServerProcess({}, { keepLogs: false });
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const env = { ...process.env, ...server.info.env, LOG_LEVEL: 'warn', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const handlers = [...new Map(ROUTES.map((r) => [r.handler, r])).values()];
    // The floor: a bare Node.js process, spawned and gone, in the same run.
    const bare: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      await run(process.execPath, ['-e', ''], { env, cwd: ROOT });
      bare.push(performance.now() - t0);
    }
    figures.push({ name: 'bare node -e ""', value: Math.round(median(bare)), unit: 'ms', note: 'spawn to exit of an empty Node.js process: what every cold start pays before loading a bundle' });
    let n = 0;
    for (const route of handlers) {
      const medians: Record<string, number> = {};
      for (const [variant, opts] of Object.entries(VARIANTS)) {
        const file = join(OUT, variant, `${route.handler}.js`);
        mkdirSync(join(OUT, variant), { recursive: true });
        await build({ entryPoints: [join(ROOT, 'functions', 'handlers', `${route.handler}.ts`)], bundle: true, minify: true, platform: 'node', target: 'node22', format: 'cjs', outfile: file, external: opts.external, mainFields: opts.mainFields, alias: opts.alias, logLevel: 'silent' });
        const bytes = readFileSync(file);
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const { stdout } = await run(process.execPath, ['-e', PROBE, file, JSON.stringify(eventFor(route.method, route.path, n++))], { env, cwd: ROOT });
          const r = JSON.parse(stdout) as { load: number; answer: number; status: number };
          if (r.status >= 500) throw new Error(`${route.handler} (${variant}) answered ${r.status}`);
          samples.push(r.load + r.answer);
        }
        medians[variant] = median(samples);
        const kb = bytes.length / 1024;
        figures.push({
          name: `${route.handler} ${variant}`,
          value: Math.round(medians[variant]!),
          unit: 'ms',
          ...(variant === 'sdk-external' ? { baseline: `${route.handler} bundled` } : {}),
          note: `${kb.toFixed(0)} KB min, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip${variant === 'bundled' ? (kb < 300 ? ' (< 300 KB ✓)' : ' (> 300 KB goal ✗)') : ' + the runtime\'s SDK'}`,
        });
      }
    }
    notes.push(`Load + first answer in a fresh node ${process.version} process, median of ${SAMPLES} per variant, against the local stack (dynalite, local SES).`);
    notes.push('"sdk-external" loads @aws-sdk/* from node_modules as Lambda\'s runtime would provide it; a ratio above 1 means bundling the SDK is faster.');
    notes.push(`${(await import('node:os')).cpus().length} CPU(s), shared: medians and ratios only.`);
  } finally {
    await server.stop();
    rmSync(OUT, { recursive: true, force: true });
  }
  return { name: 'cold-start', title: 'Cold start per function: SDK bundled vs left to the runtime', figures, notes };
}

export { run_ as run };
