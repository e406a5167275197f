/**
 * The whole product on one machine: dynalite for DynamoDB, aws-ses-v2-local for SES, and the local
 * HTTP server running the same handler modules as Lambda. Used by `npm start` (local/start.ts),
 * the tests (test/support/stack.ts), the benchmarks, and `npm run dispatch` (through the runtime file).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { createHttpServer, type ApiHandler, type ExtraRoute, type RawRoute } from './http-server';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';
import { ensureTable } from '../functions/adapters/table-schema';
import { loadMissionsFile } from '../functions/adapters/missions-csv';
import { keys } from '../functions/adapters/keys';
import { ROUTES } from '../functions/routes';
import type { Mission } from '../functions/core/mission';

export type { ApiHandler, ExtraRoute, RawRoute } from './http-server';

export const ROOT = resolve(__dirname, '..');
export const DEFAULT_CAMPAIGN_DIR = join(ROOT, 'campaigns', 'free-expression-2026');
export const MISSIONS_FILE = join(ROOT, 'data', 'missions', 'uk-missions.csv');
export const WEB_ROOT = join(ROOT, 'web', 'dist');
export const DEFAULT_TABLE_NAME = 'letters';
export const DEFAULT_MAIL_FROM = 'letters@campaign.localhost';

/** What a local service (scheduler, queue, dispatch workers...) gets when the stack starts it. */
export interface StackContext {
  url: string;
  sesUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  dataDir: string;
  /** The environment the handlers run with (already in process.env). */
  env: Record<string, string>;
  quiet: boolean;
  /** Prints a line unless the stack is quiet. */
  log(line: string): void;
  /**
   * Loads a project module (path relative to the repository root, e.g. "functions/handlers/dispatch-start")
   * in the same module scope as this stack's handlers, so they share SDK clients and configuration.
   * Call it from start(), not later.
   */
  load<T = Record<string, unknown>>(modulePath: string): T;
}

/** A local-only stand-in run inside the stack (e.g. the in-process scheduler and queue). */
export interface LocalService {
  name: string;
  /** Called after the table exists and the environment is set, before the HTTP server listens. */
  start(ctx: StackContext): Promise<StartedService | void>;
}

export interface StartedService {
  /** Extra routes only the local runtime serves (e.g. /local/dispatch); matched before static files. */
  routes?: ExtraRoute[];
  /** Path prefixes handed to another server as they are (the object store behind the site's port). */
  rawRoutes?: RawRoute[];
  /** A line printed under the URLs by `npm start`. */
  describe?: string;
  stop?(): Promise<void>;
}

export interface StackOptions {
  /** HTTP port (0 = any free port). Default 0. */
  port?: number;
  /** Address the HTTP server binds (default 127.0.0.1). The stand-ins always bind 127.0.0.1. */
  host?: string;
  /** Local SES port (0 = any free port). Default 0. */
  sesPort?: number;
  /** dynalite port (0 = any free port). Default 0. */
  dynamoPort?: number;
  /** Where data lives (dynalite's LevelDB, runtime.json). Undefined: a temp dir, in-memory dynalite, removed on stop. */
  dataDir?: string;
  /** Campaign folder (campaign.json + letter.<lang>.md). Default: campaigns/free-expression-2026. */
  campaignDir?: string;
  /** Missions CSV seeded into an empty table. Default: data/missions/uk-missions.csv. */
  missionsFile?: string;
  /** dynalite and SES inside this process (fast to start, for tests) instead of child processes. */
  inProcess?: boolean;
  quiet?: boolean;
  tableName?: string;
  /** Extra environment for the handlers (e.g. MAIL_FROM, COUNTER_SHARDS). */
  env?: Record<string, string>;
  /** Local-only services started with the stack and stopped before it. */
  services?: LocalService[];
  /** Extra routes served by the local HTTP server. */
  extraRoutes?: ExtraRoute[];
}

export interface RunningStack {
  /** The site and API origin, e.g. http://127.0.0.1:3000 (no trailing slash). */
  url: string;
  /** The local SES web UI (the mailbox). */
  mailboxUrl: string;
  /** The local SES endpoint; GET <sesUrl>/store lists mails as JSON. */
  sesUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  dataDir: string;
  campaignDir: string;
  /** The environment the handlers run with. */
  env: Record<string, string>;
  port: number;
  sesPort: number;
  dynamoPort: number;
  /** Lines services asked to print. */
  serviceLines: string[];
  /**
   * A module loaded while the stack started (by it or a service): the same instance. Other modules
   * are loaded now; under jest that is the test file's own module registry, not the handlers'.
   */
  load<T = Record<string, unknown>>(modulePath: string): T;
  /** Stops services, the HTTP server and the stand-ins; removes a temp data dir. Safe to call twice. */
  stop(): Promise<void>;
}

/** Thrown when a port the caller asked for is taken; the message says what to do. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
  ) {
    super(`Port ${port} (${what}) is already in use. Stop whatever uses it, or choose another port.`);
  }
}

/** A free TCP port on `host`: `wanted` itself when it is free (PortInUseError if not), any free port for 0. */
export async function freePort(wanted = 0, host = '127.0.0.1', what = 'port'): Promise<number> {
  const { port, release } = await reservePort(wanted, host, what);
  await release();
  return port;
}

/**
 * Like freePort, but the port stays held (by a listening probe) until release(): the site's port is
 * chosen before the table and the missions are ready, seconds before its server listens, and a port
 * merely found free could be taken by another process in between.
 */
export async function reservePort(wanted = 0, host = '127.0.0.1', what = 'port'): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((ok, fail) => {
    const probe: Server = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? new PortInUseError(wanted, what) : e));
    probe.listen(wanted, host, () => {
      let released: Promise<void> | undefined;
      const release = () => (released ??= new Promise<void>((done) => probe.close(() => done())));
      ok({ port: (probe.address() as { port: number }).port, release });
    });
  });
}

let running: string | undefined;

/** Starts everything; the returned stop() stops everything it started. One stack per process at a time. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  // The handlers read process.env and build SDK clients once: two live stacks in one process would mix.
  if (running) throw new Error(`A local stack is already running in this process (${running}); stop it first.`);
  running = 'starting';
  const host = options.host ?? '127.0.0.1';
  const quiet = options.quiet ?? false;
  const log = (line: string) => {
    if (!quiet) console.log(line);
  };
  const stops: (() => Promise<void>)[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const s of stops.reverse()) await s().catch((e) => process.stderr.write(`local stack: stopping: ${(e as Error).message}\n`));
    stops.length = 0;
    running = undefined;
  };

  try {
    const tempDir = options.dataDir === undefined;
    const dataDir = tempDir ? mkdtempSync(join(tmpdir(), 'letters-data-')) : resolve(options.dataDir!);
    mkdirSync(dataDir, { recursive: true });
    if (tempDir) stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const dynamoPath = tempDir ? undefined : join(dataDir, 'dynamodb');

    const dynamoPort = await freePort(options.dynamoPort ?? 0, '127.0.0.1', 'DynamoDB stand-in, DYNAMODB_PORT');
    const children: Record<string, number> = {};
    if (options.inProcess) stops.push(await startDynaliteInProcess(dynamoPort, dynamoPath));
    else {
      const child = await startChild('dynalite', { port: dynamoPort, host: '127.0.0.1', path: dynamoPath }, 'DynamoDB stand-in, DYNAMODB_PORT');
      stops.push(child.stop);
      children.dynalite = child.pid;
    }
    const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;

    const sesPort = await freePort(options.sesPort ?? 0, '127.0.0.1', 'local SES and mailbox, SES_PORT');
    if (options.inProcess) stops.push(await startSesInProcess(sesPort));
    else {
      const child = await startChild('ses', { port: sesPort, host: '127.0.0.1' }, 'local SES and mailbox, SES_PORT');
      stops.push(child.stop);
      children.ses = child.pid;
    }
    const sesUrl = `http://127.0.0.1:${sesPort}`;

    const reserved = await reservePort(options.port ?? 0, host, 'site and API, PORT');
    stops.push(reserved.release);
    const port = reserved.port;
    const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;
    const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
    const campaignDir = resolve(options.campaignDir ?? DEFAULT_CAMPAIGN_DIR);
    const env: Record<string, string> = {
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_SESV2: sesUrl,
      AWS_ENDPOINT_URL_SES: sesUrl,
      // GetAccount on the local SES answers with this (dispatch paces by MaxSendRate).
      AWS_SES_ACCOUNT: JSON.stringify({ SendQuota: { Max24HourSend: 1_000_000, MaxSendRate: 14, SentLast24Hours: 0 }, ProductionAccessEnabled: true, SendingEnabled: true }),
      TABLE_NAME: tableName,
      CAMPAIGN_DIR: campaignDir,
      PUBLIC_URL: url,
      MAIL_FROM: DEFAULT_MAIL_FROM,
      DATA_DIR: dataDir,
      ...options.env,
    };
    // The handlers read their configuration from process.env, so it is set before any is loaded.
    const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    stops.push(async () => {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    const dynamo = new DynamoDBClient({ endpoint: dynamoEndpoint, region: env.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    let missionsToSeed: Mission[] | undefined;
    try {
      await ensureTable(dynamo, tableName);
      // Seeded once: a restart keeps the table as the organiser left it.
      if (await hasNoMissions(dynamo, tableName)) missionsToSeed = readMissions(options.missionsFile ?? MISSIONS_FILE);
    } finally {
      dynamo.destroy();
    }

    const scope = moduleScope();
    const load = <T>(modulePath: string): T => scope.load<T>(modulePath);
    const serviceRoutes: ExtraRoute[] = [];
    const rawRoutes: RawRoute[] = [];
    const serviceLines: string[] = [];
    const handlers = new Map<string, ApiHandler>();
    await scope.run(async () => {
      if (missionsToSeed) {
        const { DynamoMissionDirectory } = load<typeof import('../functions/adapters/mission-directory')>('functions/adapters/mission-directory');
        await new DynamoMissionDirectory(tableName).putAll(missionsToSeed);
        log(`Loaded ${missionsToSeed.length} missions (${missionsToSeed.filter((m) => !m.operating).length} not operating, hidden) from ${options.missionsFile ?? 'data/missions/uk-missions.csv'}`);
      }
      const ctx: StackContext = { url, sesUrl, dynamoEndpoint, tableName, dataDir, env, quiet, log, load };
      for (const service of options.services ?? []) {
        const started = await service.start(ctx).catch((e: Error) => {
          throw new Error(`The local service "${service.name}" failed to start: ${e.message}`);
        });
        if (!started) continue;
        if (started.stop) stops.push(started.stop.bind(started));
        serviceRoutes.push(...(started.routes ?? []));
        rawRoutes.push(...(started.rawRoutes ?? []));
        if (started.describe) serviceLines.push(started.describe);
      }
      // Loaded eagerly, inside the stack's module scope. A handler that fails to load is reported
      // now and answers its routes with a 500 naming the cause; the other routes keep working.
      for (const name of new Set(ROUTES.map((r) => r.handler))) {
        try {
          handlers.set(name, load<{ handler: ApiHandler }>(`functions/handlers/${name}`).handler);
        } catch (e) {
          const message = `functions/handlers/${name}.ts failed to load: ${(e as Error).message.split('\n')[0]}`;
          process.stderr.write(`local stack: ${message}\n`);
          handlers.set(name, async () => ({
            statusCode: 500,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            body: JSON.stringify({ error: { code: 'handler_unavailable', message } }),
          }));
        }
      }
    });

    const server = createHttpServer({
      webRoot: WEB_ROOT,
      handlerFor: (name) => handlers.get(name),
      extraRoutes: [...serviceRoutes, ...(options.extraRoutes ?? [])],
      rawRoutes,
    });
    await reserved.release();
    await new Promise<void>((ok, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? new PortInUseError(port, 'site and API, PORT') : e));
      server.listen(port, host, () => ok());
    });
    // Stopped first: no request reaches a handler whose stand-ins are gone.
    stops.push(
      () =>
        new Promise((ok) => {
          server.closeAllConnections();
          server.close(() => ok());
        }),
    );

    const stack: RunningStack = {
      url,
      mailboxUrl: `${sesUrl}/`,
      sesUrl,
      dynamoEndpoint,
      tableName,
      dataDir,
      campaignDir,
      env,
      port,
      sesPort,
      dynamoPort,
      serviceLines,
      load,
      stop,
    };
    writeRuntimeFile(dataDir, { pid: process.pid, url, mailboxUrl: stack.mailboxUrl, sesUrl, dynamoEndpoint, tableName, campaignDir, dataDir, port, sesPort, dynamoPort, children, env, startedAt: new Date().toISOString() });
    stops.push(async () => removeRuntimeFile(dataDir, process.pid));
    running = url;
    return stack;
  } catch (e) {
    await stop();
    throw e;
  }
}

async function hasNoMissions(dynamo: DynamoDBClient, tableName: string): Promise<boolean> {
  const res = await dynamo.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: keys.missionsPartition() } }, Limit: 1, Select: 'COUNT' }),
  );
  return (res.Count ?? 0) === 0;
}

function readMissions(file: string): Mission[] {
  const { missions, problems } = loadMissionsFile(file);
  if (problems.length > 0) throw new Error(`The missions file ${file} has problems:\n${problems.map((p) => `  line ${p.line}, ${p.column}: ${p.message}`).join('\n')}`);
  return missions;
}

/**
 * Loads project modules afresh for each stack, so a second stack in the same process (a test file
 * that needs another campaign) gets handlers with its own configuration and SDK clients.
 */
function moduleScope(): { run(fn: () => Promise<void>): Promise<void>; load<T>(modulePath: string): T } {
  const resolvePath = (p: string) => (isAbsolute(p) ? p : join(ROOT, p));
  // Remembered, so the stack's load() returns the very instances the handlers and services got.
  const loaded = new Map<string, unknown>();
  const load = <T>(p: string): T => {
    const file = resolvePath(p);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (!loaded.has(file)) loaded.set(file, require(file));
    return loaded.get(file) as T;
  };
  if (typeof jest !== 'undefined' && typeof jest.isolateModulesAsync === 'function') {
    // Under jest, require.cache cannot be edited; its isolated registry gives the same effect.
    return { run: (fn) => jest.isolateModulesAsync(fn), load };
  }
  return {
    run: async (fn) => {
      const own = new Set([__filename, join(__dirname, 'http-server.ts'), join(__dirname, 'runtime-file.ts')]);
      for (const file of Object.keys(require.cache)) {
        if (file.startsWith(ROOT + sep) && !file.includes(`${sep}node_modules${sep}`) && !own.has(file)) delete require.cache[file];
      }
      await fn();
    },
    load,
  };
}

async function startDynaliteInProcess(port: number, path: string | undefined): Promise<() => Promise<void>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite') as (o: object) => Server;
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return () => new Promise((ok) => server.close(() => ok()));
}

async function startSesInProcess(port: number): Promise<() => Promise<void>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ses = require('aws-ses-v2-local') as { default: (c: object) => Promise<import('node:http').Server> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const store = require('aws-ses-v2-local/dist/store') as { clearStore(): void };
  // Its store is module state: a later stack in this process must not see an earlier stack's mails.
  store.clearStore();
  const server = await ses.default({ host: '127.0.0.1', port });
  return () =>
    new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
}

/** Runs a stand-in as a child process (local/child-service.cjs) that dies with this process. */
async function startChild(kind: 'dynalite' | 'ses', opts: object, what: string): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child: ChildProcess = fork(join(__dirname, 'child-service.cjs'), [kind, JSON.stringify(opts)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // STAND_IN_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the stand-ins.
    execArgv: process.env.STAND_IN_NODE_ARGS ? process.env.STAND_IN_NODE_ARGS.split(/\s+/) : [],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await new Promise<void>((ok, fail) => {
    child.once('message', (m: { ready?: number; error?: string }) => (m.ready ? ok() : fail(new Error(`${what}: ${m.error}`))));
    child.once('exit', (code) => fail(new Error(`${what}: the ${kind} process exited with code ${code} before it was ready`)));
  });
  let stopping = false;
  // Said at once: otherwise the only sign would be every API call failing.
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`local stack: the ${kind} process (${what}) stopped unexpectedly (${signal ?? `exit code ${code}`}); restart the stack.\n`);
  });
  const stop = async () => {
    stopping = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((ok) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        ok();
      });
      child.kill('SIGTERM');
    });
  };
  return { pid: child.pid!, stop };
}
