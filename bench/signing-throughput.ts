/**
 * Signing throughput: 32 concurrent clients POST /api/signatures against the product as `npm start`
 * runs it (own process, dynalite and the local SES as child processes, data on disk) for at least
 * 20 s; then the raw dynalite PutItem rate against the same dynalite, for comparison.
 *
 * Every request comes from 127.0.0.1, so the benchmark runs a copy of the campaign whose per-network
 * rate limits are far above what it sends (distinct client addresses are not possible on loopback).
 * BENCH_SECONDS shortens or lengthens the signing phase (default 20); BENCH_CLIENTS the concurrency.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { Agent, request } from 'node:http';
import { formatResult, type BenchResult } from './lib/report';
import { startServerProcess } from './lib/server-process';
import { median, quantile, runUntil } from './lib/stats';

const ROOT = resolve(__dirname, '..');
const CAMPAIGN = join(ROOT, 'campaigns', 'free-expression-2026');
const SIGNERS_COUNTRIES = ['BR', 'GB', 'FR', 'ES', 'PT', 'DE', 'IN', 'NG', 'JP', 'AR', 'ZA', 'EG'];
const NAMES = ['Ana Souza', 'José Núñez', 'Chloé Martin', 'Nguyễn Văn An', '李小龍', 'فاطمة الزهراء', "Seán O'Brien", 'Anne-Marie Dubois'];

/** A copy of the default campaign, open, whose per-network limits the benchmark cannot reach. */
function benchCampaign(): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-'));
  cpSync(CAMPAIGN, dir, { recursive: true });
  const file = join(dir, 'campaign.json');
  const campaign = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...campaign, dispatchAt: '2099-12-10T09:00', rateLimits: { perMinute: 10_000_000, perHour: 100_000_000 } }, null, 2));
  return dir;
}

interface Outcome {
  status: number;
  ms: number;
  error?: string;
}

async function countItems(db: DynamoDBClient, table: string, prefix: string): Promise<number> {
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: table, Select: 'COUNT', FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': { S: prefix } }, ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return count;
}

// node:http with keep-alive: a lighter load generator than fetch, leaving more of the 2 cores to the server.
const clientAgent = new Agent({ keepAlive: true, maxSockets: 256 });
function post(url: string, body: string): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path: pathname, method: 'POST', agent: clientAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** Runs the benchmark; resolves with its figures. */
export async function run(): Promise<BenchResult> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const clients = Number(process.env.BENCH_CLIENTS ?? 32);
  const putConcurrency = 32;
  const putSeconds = 10;
  const campaignDir = benchCampaign();
  const server = await startServerProcess({ CAMPAIGN_DIR: campaignDir }, { keepLogs: false });
  const { url, dynamoEndpoint, tableName, sesUrl } = server.info;
  const db = new DynamoDBClient({
    endpoint: dynamoEndpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) },
  });
  try {
    const { missions } = (await (await fetch(`${url}/api/missions`)).json()) as { missions: { id: string }[] };
    if (!missions?.length) throw new Error('GET /api/missions returned no missions');
    const runId = Date.now().toString(36);
    const sign = async (n: number): Promise<Outcome> => {
      const body = {
        fullName: `${NAMES[n % NAMES.length]} ${n}`,
        country: SIGNERS_COUNTRIES[n % SIGNERS_COUNTRIES.length],
        email: `signer-${runId}-${n}@bench.example.org`,
        missionId: missions[(n * 7919) % missions.length]!.id,
        consent: true,
        shareEmail: n % 3 === 0,
        language: 'en',
      };
      const t0 = performance.now();
      try {
        const res = await post(`${url}/api/signatures`, JSON.stringify(body));
        return { status: res.status, ms: performance.now() - t0, error: res.status === 202 ? undefined : res.body.slice(0, 200) };
      } catch (e) {
        return { status: 0, ms: performance.now() - t0, error: (e as Error).message };
      }
    };

    // Warm-up (not counted): loads the handler code paths and the JIT.
    await runUntil(clients, Date.now() + 2000, (n) => sign(1_000_000_000 + n));
    const warmupAccepted = await countItems(db, tableName, 'SIG#');

    const started = performance.now();
    const outcomes = await runUntil(clients, Date.now() + seconds * 1000, sign);
    const elapsed = (performance.now() - started) / 1000;
    const accepted = outcomes.filter((o) => o.status === 202);
    const errors = outcomes.filter((o) => o.status !== 202);
    const latencies = accepted.map((o) => o.ms);
    const stored = (await countItems(db, tableName, 'SIG#')) - warmupAccepted;
    // Confirmation mails are sent within the request, so every accepted signature has one by now.
    const mails = ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: { destination: { to: string[] } }[] }).emails.filter((m) =>
      m.destination.to.some((to) => to.includes(`-${runId}-`) && !/-\d{10}@/.test(to)),
    ).length;

    // Raw dynalite: PutItem of signature-sized items with unique keys, same dynalite, server idle.
    const item = (n: number) => ({
      pk: { S: `BENCH#${runId}#${n}` },
      sk: { S: 'SIG' },
      fullName: { S: `Bench Signer ${n}` },
      email: { S: `bench-${n}@bench.example.org` },
      country: { S: 'BR' },
      missionId: { S: missions[n % missions.length]!.id },
      status: { S: 'pending' },
      createdAt: { S: new Date().toISOString() },
    });
    const putStart = performance.now();
    const puts = await runUntil(putConcurrency, Date.now() + putSeconds * 1000, (n) => db.send(new PutItemCommand({ TableName: tableName, Item: item(n) })).then(() => 1, () => 0));
    const putElapsed = (performance.now() - putStart) / 1000;
    const putsOk = puts.reduce<number>((a, b) => a + b, 0);

    const errorKinds = new Map<string, number>();
    for (const e of errors) errorKinds.set(`${e.status} ${e.error ?? ''}`.slice(0, 160), (errorKinds.get(`${e.status} ${e.error ?? ''}`.slice(0, 160)) ?? 0) + 1);
    return {
      name: 'signing-throughput',
      title: `Signing throughput: ${clients} concurrent clients, POST /api/signatures through the local HTTP API`,
      figures: [
        { name: 'signatures/s', value: accepted.length / elapsed, unit: '/s', goal: { op: '>=', target: 200 }, baseline: 'dynalite PutItem/s' },
        { name: 'p50 latency', value: median(latencies), unit: 'ms' },
        { name: 'p99 latency', value: quantile(latencies, 0.99), unit: 'ms' },
        { name: 'errors', value: errors.length, unit: 'requests', goal: { op: '==', target: 0 } },
        { name: 'accepted (202)', value: accepted.length, unit: 'signatures' },
        { name: 'stored (SIG# items)', value: stored, unit: 'signatures', goal: { op: '==', target: accepted.length }, note: 'stored == accepted' },
        { name: 'confirmation mails', value: mails, unit: 'mails', goal: { op: '==', target: accepted.length } },
        { name: 'dynalite PutItem/s', value: putsOk / putElapsed, unit: '/s', note: `${putConcurrency} concurrent, ${putSeconds} s, same dynalite` },
      ],
      notes: [
        `${elapsed.toFixed(1)} s measured after a 2 s warm-up; ${outcomes.length} requests; ${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), shared with the load generator.`,
        'Server as `npm start` runs it: local/start.ts in its own process, dynalite (LevelDB on disk) and aws-ses-v2-local as child processes; its request logs go to /dev/null.',
        'Per-network rate limits raised in a campaign copy: every client is 127.0.0.1.',
        ...[...errorKinds].slice(0, 5).map(([k, n]) => `error ×${n}: ${k}`),
      ],
    };
  } finally {
    db.destroy();
    clientAgent.destroy();
    await server.stop();
    rmSync(campaignDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().then(
    (r) => console.log(formatResult(r)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
