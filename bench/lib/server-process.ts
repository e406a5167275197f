/**
 * The product as `npm start` runs it (local/start.ts in its own process, dynalite and the local SES
 * as its children), on random ports and a scratch data folder, for benchmarks that load it from outside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findRunningStack, type RuntimeInfo } from '../../local/runtime-file';

const ROOT = resolve(__dirname, '..', '..');

export interface ServerProcess {
  info: RuntimeInfo;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGINT (as Ctrl-C), waits for the exit, removes the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts local/start.ts with `env` added (PORT/SES_PORT/DYNAMODB_PORT default to 0, DATA_DIR to a
 * temp folder). `keepLogs: false` sends its stdout (the handlers' request logs) to /dev/null, as a
 * terminal or CloudWatch would take them, instead of through a pipe into this process.
 */
export async function startServerProcess(env: Record<string, string> = {}, { keepLogs = true }: { keepLogs?: boolean } = {}): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'letters-bench-'));
  const child: ChildProcess = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), 'local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SES_PORT: '0', DYNAMODB_PORT: '0', ...env, DATA_DIR: dataDir },
    stdio: ['ignore', keepLogs ? 'pipe' : 'ignore', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGINT');
      await exited;
    }
    if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 1200; i++) {
    const info = findRunningStack(dataDir);
    // The runtime file is written once the HTTP server listens.
    if (info) return { info, output: () => output, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`local/start.ts did not come up:\n${output}`);
}
