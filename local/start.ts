/**
 * `npm start`: the whole product on this machine until Ctrl-C. Ports and folders come from PORT,
 * SES_PORT, DYNAMODB_PORT, HOST, DATA_DIR, CAMPAIGN_DIR, MAIL_FROM and PUBLIC_URL (see docs/local.md).
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PortInUseError, ROOT, startStack, WEB_ROOT, type RunningStack } from './stack';
import { defaultDataDir } from './runtime-file';
import { localServices } from './services';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}".`);
    process.exit(2);
  }
  return port;
}

async function main() {
  const dataDir = defaultDataDir();
  if (!existsSync(join(WEB_ROOT, 'index.html'))) console.warn('The site is not built (web/dist is missing): run `npm run build:web`. The API works without it.');
  let stack: RunningStack;
  try {
    stack = await startStack({
      port: portFrom('PORT', 3000),
      sesPort: portFrom('SES_PORT', 8005),
      dynamoPort: portFrom('DYNAMODB_PORT', 4567),
      host: process.env.HOST || '127.0.0.1',
      dataDir,
      campaignDir: process.env.CAMPAIGN_DIR || undefined,
      // Set only when given: the stack's own defaults apply otherwise.
      env: Object.fromEntries(['MAIL_FROM', 'PUBLIC_URL'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
      services: localServices(),
    });
  } catch (e) {
    console.error(e instanceof PortInUseError ? `Cannot start: ${e.message}` : `Cannot start: ${(e as Error).stack ?? e}`);
    process.exit(1);
  }

  const shown = relative(ROOT, stack.dataDir);
  console.log('');
  console.log(`  Site:     ${stack.url}/`);
  console.log(`  Mailbox:  ${stack.mailboxUrl}   (every mail the site sends lands here)`);
  console.log(`  Data:     ${shown && !shown.startsWith('..') ? shown : stack.dataDir}`);
  console.log(`  Campaign: ${relative(ROOT, stack.campaignDir) || stack.campaignDir}`);
  for (const line of stack.serviceLines) console.log(`  ${line}`);
  console.log('');
  console.log('  Ctrl-C stops everything.');

  let stoppingSince = 0;
  const shutdown = (signal: string) => {
    if (stoppingSince) {
      // tsx relays the terminal's Ctrl-C a moment after the process group got it: not a second press.
      if (Date.now() - stoppingSince < 1000) return;
      // A real second Ctrl-C: leave now; the stand-ins exit with us (their IPC channel closes).
      process.exit(130);
    }
    stoppingSince = Date.now();
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
}

void main();
