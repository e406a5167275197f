/**
 * The whole product on one machine: dynalite for DynamoDB, aws-ses-v2-local for SES, and the local
 * HTTP server running the same handler modules as Lambda. Used by `npm start`, the tests and the
 * benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { createHttpServer, type ApiHandler } from './http-server';
import { ensureTable } from '../functions/adapters/table-schema';
import { loadMissionsFile } from '../functions/adapters/missions-csv';
import { DynamoMissionDirectory } from '../functions/adapters/mission-directory';

export const ROOT = resolve(__dirname, '..');
export const DEFAULT_CAMPAIGN_DIR = join(ROOT, 'campaigns', 'free-expression-2026');
export const MISSIONS_FILE = join(ROOT, 'data', 'missions', 'uk-missions.csv');

export interface StackOptions {
  /** HTTP port (0 = any free port). */
  port?: number;
  host?: string;
  /** Local SES port (0 = any free port). */
  sesPort?: number;
  /** dynalite port (0 = any free port). */
  dynamoPort?: number;
  /** Where dynalite keeps its data. Undefined: in memory, gone on stop. */
  dataDir?: string;
  campaignDir?: string;
  /** dynalite and SES inside this process (fast to start, for tests) instead of child processes. */
  inProcess?: boolean;
  quiet?: boolean;
  tableName?: string;
  /** Extra environment for the handlers (e.g. MAIL_FROM). */
  env?: Record<string, string>;
  /** Extra routes only the local runtime serves. */
  extraRoutes?: { method: string; path: string; handler: ApiHandler }[];
}

export interface RunningStack {
  url: string;
  /** The local SES web UI (the mailbox); GET <sesUrl>/store lists mails as JSON. */
  mailboxUrl: string;
  sesUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  dataDir?: string;
  /** The environment the handlers run with. */
  env: Record<string, string>;
  port: number;
  sesPort: number;
  dynamoPort: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, or `wanted` if it is free; throws a clear error when `wanted` is taken. */
export async function freePort(wanted = 0, host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const probe: Server = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new Error(`Port ${wanted} on ${host} is already in use. Stop what uses it or choose another port.`) : e),
    );
    probe.listen(wanted, host, () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => ok(port));
    });
  });
}

async function waitForHttp(url: string, child?: ChildProcess, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`Nothing answered at ${url}`);
}

function spawnNode(script: string, args: string[], quiet: boolean): ChildProcess {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env: { ...process.env } });
  return child;
}

/** Starts everything; the returned stop() stops everything it started. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const quiet = options.quiet ?? false;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    stops.length = 0;
  };

  try {
    // dynalite
    const dynamoPort = await freePort(options.dynamoPort ?? 0);
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const dynaPath = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
    if (options.inProcess) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const dynalite = require('dynalite') as (o: object) => Server;
      const server = dynalite({ path: dynaPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
      await new Promise<void>((ok) => server.listen(dynamoPort, '127.0.0.1', () => ok()));
      stops.push(() => new Promise((ok) => server.close(() => ok())));
    } else {
      const args = ['--port', String(dynamoPort), '--host', '127.0.0.1', '--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'];
      if (dynaPath) args.push('--path', dynaPath);
      const child = spawnNode(require.resolve('dynalite/cli.js'), args, true);
      stops.push(() => killChild(child));
      await waitForHttp(`http://127.0.0.1:${dynamoPort}/`, child);
    }
    const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;

    // SES
    const sesPort = await freePort(options.sesPort ?? 0);
    if (options.inProcess) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ses = (require('aws-ses-v2-local') as { default: (c: object) => Promise<import('node:http').Server> }).default;
      const server = await ses({ host: '127.0.0.1', port: sesPort });
      stops.push(() => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }));
    } else {
      const child = spawnNode(require.resolve('aws-ses-v2-local/dist/cli.js'), ['--host', '127.0.0.1', '--port', String(sesPort)], true);
      stops.push(() => killChild(child));
      await waitForHttp(`http://127.0.0.1:${sesPort}/health-check`, child);
    }
    const sesUrl = `http://127.0.0.1:${sesPort}`;

    // HTTP
    const port = await freePort(options.port ?? 0, host);
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    const tableName = options.tableName ?? 'letters';
    const env: Record<string, string> = {
      AWS_REGION: process.env.AWS_REGION ?? 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_SESV2: sesUrl,
      AWS_ENDPOINT_URL_SES: sesUrl,
      AWS_SES_ACCOUNT: JSON.stringify({ SendQuota: { Max24HourSend: 1000000, MaxSendRate: 1000, SentLast24Hours: 0 } }),
      TABLE_NAME: tableName,
      CAMPAIGN_DIR: options.campaignDir ?? process.env.CAMPAIGN_DIR ?? DEFAULT_CAMPAIGN_DIR,
      PUBLIC_URL: url,
      MAIL_FROM: process.env.MAIL_FROM ?? 'letters@campaign.localhost',
      ...options.env,
    };
    // The handlers read their configuration when first loaded, so the environment is set before any is.
    Object.assign(process.env, env);

    const dynamo = new DynamoDBClient({ endpoint: dynamoEndpoint, region: env.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(dynamo, tableName);
    await seedMissionsIfEmpty(dynamo, tableName, quiet);
    dynamo.destroy();

    const server = createHttpServer({
      webRoot: join(ROOT, 'web', 'dist'),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loadHandler: (name) => (require(join(ROOT, 'functions', 'handlers', name)) as { handler: ApiHandler }).handler,
      extraRoutes: options.extraRoutes,
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => ok());
    });
    stops.push(() => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }));

    return {
      url,
      mailboxUrl: `${sesUrl}/`,
      sesUrl,
      dynamoEndpoint,
      tableName,
      dataDir: options.dataDir,
      env,
      port,
      sesPort,
      dynamoPort,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function seedMissionsIfEmpty(dynamo: DynamoDBClient, tableName: string, quiet: boolean) {
  const existing = await dynamo.send(
    new ScanCommand({ TableName: tableName, Limit: 1, FilterExpression: 'pk = :m', ExpressionAttributeValues: { ':m': { S: 'MISSIONS' } }, Select: 'COUNT' }),
  );
  // Scan with Limit counts only the first page: page until a mission is found or the table ends.
  let found = (existing.Count ?? 0) > 0;
  let start = existing.LastEvaluatedKey;
  while (!found && start) {
    const next = await dynamo.send(new ScanCommand({ TableName: tableName, Limit: 500, ExclusiveStartKey: start, FilterExpression: 'pk = :m', ExpressionAttributeValues: { ':m': { S: 'MISSIONS' } }, Select: 'COUNT' }));
    found = (next.Count ?? 0) > 0;
    start = next.LastEvaluatedKey;
  }
  if (found) return;
  const { missions, problems } = loadMissionsFile(MISSIONS_FILE);
  if (problems.length > 0) throw new Error(`The missions data has problems:\n${problems.map((p) => `  line ${p.line}, ${p.column}: ${p.message}`).join('\n')}`);
  await new DynamoMissionDirectory(tableName).putAll(missions);
  if (!quiet) console.log(`Loaded ${missions.length} missions (${missions.filter((m) => !m.operating).length} not operating, hidden) from data/missions/uk-missions.csv`);
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/** A scratch data folder for a one-off stack. */
export function scratchDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'letters-data-'));
}

export { rmSync, writeFileSync };
