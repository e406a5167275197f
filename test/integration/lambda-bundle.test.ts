/**
 * The function bundles as the deploy builds them (infra/bundling.ts): every one under 300 KB minified,
 * and a bundle answers real requests in a fresh Node.js process with nothing but what Lambda gives a
 * function: credentials in the environment, no ~/.aws, no profile. That proves the trimmed credential
 * chain (functions/lambda-credentials.ts) and the SDK's ES-module builds work end to end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE } from '../../infra/bundling';
import { Mailbox } from '../support/mailbox';
import { withStack } from '../support/stack';

const ROOT = resolve(__dirname, '..', '..');
const OUT = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
const HANDLERS = readdirSync(join(ROOT, 'functions', 'handlers'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('-deps.ts'))
  .map((f) => f.slice(0, -3));
const run = promisify(execFile);
const stack = withStack();

const bundles = new Map<string, { bytes: number; inputs: string[] }>();
beforeAll(async () => {
  await Promise.all(
    HANDLERS.map(async (h) => {
      const outfile = join(OUT, `${h}.js`);
      // sharp is a native module the deploy installs next to process-photo's bundle (nodeModules).
      const result = await build({ entryPoints: [join(ROOT, 'functions', 'handlers', `${h}.ts`)], bundle: true, minify: true, platform: 'node', target: 'node22', format: 'cjs', outfile, external: ['sharp'], ...LAMBDA_BUNDLE, metafile: true, logLevel: 'silent' });
      bundles.set(h, { bytes: readFileSync(outfile).length, inputs: Object.keys(Object.values(result.metafile.outputs)[0]!.inputs) });
    }),
  );
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** Runs a bundle's handler once in a fresh process with a Lambda-like environment. */
async function invoke(handler: string, event: object): Promise<{ statusCode: number; body: string }> {
  const home = mkdtempSync(join(tmpdir(), 'no-aws-home-'));
  try {
    const { AWS_PROFILE: _p, AWS_CONFIG_FILE: _c, AWS_SHARED_CREDENTIALS_FILE: _s, ...rest } = process.env;
    const { stdout } = await run(process.execPath, ['-e', 'require(process.argv[1]).handler(JSON.parse(process.argv[2])).then((r) => process.stdout.write(JSON.stringify(r)))', join(OUT, `${handler}.js`), JSON.stringify(event)], {
      env: { ...rest, ...stack.current.env, HOME: home, LOG_LEVEL: 'warn', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      cwd: OUT,
    });
    return JSON.parse(stdout) as { statusCode: number; body: string };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const httpEvent = (method: string, path: string, body?: object) => ({
  version: '2.0',
  routeKey: `${method} ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: body ? { 'content-type': 'application/json' } : {},
  requestContext: { http: { method, path, sourceIp: '10.20.30.40' }, requestId: `bundle-${method}-${path}` },
  body: body ? JSON.stringify(body) : undefined,
  isBase64Encoded: false,
});

it('bundles no credential provider that never answers in Lambda, and the SDK from its ES modules', () => {
  expect(bundles.size).toBe(HANDLERS.length);
  for (const [h, { inputs }] of bundles) {
    const unused = inputs.filter((f) => /@aws-sdk[\\/](nested-clients|credential-provider-(node|sso|ini|process|web-identity|login)|token-providers)[\\/]/.test(f));
    expect({ h, unused }).toEqual({ h, unused: [] });
    expect({ h, cjs: inputs.filter((f) => /@(aws-sdk|smithy)[\\/].*[\\/]dist-cjs[\\/]/.test(f)) }).toEqual({ h, cjs: [] });
  }
});

it('keeps every function under 300 KB minified, with no SDK client for SES, S3 or SQS', () => {
  const sizes = [...bundles].map(([h, b]) => ({ h, kb: Math.round(b.bytes / 1024) })).sort((a, b) => a.kb - b.kb);
  console.log(`Function bundles (minified): ${sizes.map((s) => `${s.h} ${s.kb} KB`).join(', ')}`);
  expect(sizes.length).toBeGreaterThanOrEqual(22);
  expect(sizes.filter((s) => s.kb >= 300)).toEqual([]);
  // Those three are signed requests (functions/clients.ts); their SDK clients are 25-100 KB each.
  for (const [h, { inputs }] of bundles) expect({ h, clients: inputs.filter((f) => /@aws-sdk[\\/]client-(sesv2|s3|sqs)[\\/]/.test(f)) }).toEqual({ h, clients: [] });
});

it('answers from a bundle with only the credentials Lambda puts in the environment', async () => {
  const campaign = await invoke('get-campaign', httpEvent('GET', '/api/campaign'));
  expect(campaign.statusCode).toBe(200);
  expect(JSON.parse(campaign.body)).toMatchObject({ id: 'free-expression-2026' });

  const signed = await invoke('create-signature', httpEvent('POST', '/api/signatures', { fullName: 'Bundle Signer', country: 'FR', email: 'bundle.signer@example.org', missionId: 'gb-embassy-fr-paris', consent: true }));
  expect(signed.statusCode).toBe(202);
  // Stored in the stack's DynamoDB and mailed through its SES, both signed with those credentials.
  const mail = await new Mailbox(stack.current.sesUrl).latest('bundle.signer@example.org');
  expect(mail.body.text).toContain('Bundle Signer');
}, 60_000);
