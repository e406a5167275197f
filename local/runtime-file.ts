/**
 * `<DATA_DIR>/runtime.json`: how separately started tools (`npm run dispatch`, the organiser CLI)
 * find the running local stack: its URLs, ports, table and the environment its handlers run with.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RuntimeInfo {
  pid: number;
  url: string;
  mailboxUrl: string;
  sesUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  campaignDir: string;
  dataDir: string;
  port: number;
  sesPort: number;
  dynamoPort: number;
  /** Process ids of the stand-ins run as child processes (none when in-process). */
  children: Record<string, number>;
  /** The handlers' environment (dummy local credentials only). */
  env: Record<string, string>;
  startedAt: string;
}

/** The data folder `npm start` uses: DATA_DIR, or .data/ at the repository root. */
export function defaultDataDir(): string {
  return resolve(process.env.DATA_DIR || join(__dirname, '..', '.data'));
}

export function runtimeFilePath(dataDir: string): string {
  return join(dataDir, 'runtime.json');
}

/** Writes the file atomically (readers never see half of it). */
export function writeRuntimeFile(dataDir: string, info: RuntimeInfo): void {
  const file = runtimeFilePath(dataDir);
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(info, null, 2));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/** Removes the file if this process wrote it. */
export function removeRuntimeFile(dataDir: string, pid: number): void {
  const info = readRuntimeFileRaw(dataDir);
  if (info?.pid === pid) rmSync(runtimeFilePath(dataDir), { force: true });
}

function readRuntimeFileRaw(dataDir: string): RuntimeInfo | undefined {
  try {
    return JSON.parse(readFileSync(runtimeFilePath(dataDir), 'utf8')) as RuntimeInfo;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The stack running on `dataDir` (default: DATA_DIR or .data/), or undefined when none is (a stale file is ignored). */
export function findRunningStack(dataDir = defaultDataDir()): RuntimeInfo | undefined {
  const info = readRuntimeFileRaw(dataDir);
  return info && alive(info.pid) ? info : undefined;
}

/** Like findRunningStack, but throws the message a person needs when nothing runs. */
export function requireRunningStack(dataDir = defaultDataDir()): RuntimeInfo {
  const info = findRunningStack(dataDir);
  if (!info) throw new Error(`No local stack is running on ${dataDir}. Start it with \`npm start\` (same DATA_DIR) in another terminal.`);
  return info;
}

/**
 * Puts a running stack's environment into process.env, so handler and adapter modules loaded
 * afterwards (e.g. by `npm run dispatch`) reach the same dynalite, SES and table.
 */
export function adoptRuntimeEnv(info: RuntimeInfo): void {
  Object.assign(process.env, info.env);
}
