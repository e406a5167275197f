/**
 * `npm run dispatch`: sends every confirmed letter now, through the running `npm start` (same DATA_DIR),
 * or, when none runs, through a local stack started for the purpose on the same data. Shows a progress
 * bar, ends with the report (sent / failed / no address, per mission) and exits non-zero if any letter
 * failed. `npm run dispatch -- --resume` carries on an interrupted dispatch.
 */
import { Command } from 'commander';
import { terminalIo } from '../organizer/io';
import { defaultDataDir, findRunningStack } from './runtime-file';
import { runDispatch, type MissionInfo } from './dispatch-run';
import { startStack, type RunningStack } from './stack';
import { localServices } from './services';

async function main(): Promise<number> {
  const program = new Command('npm run dispatch --')
    .description('Dispatch every confirmed letter now (locally), with progress and a report.')
    .option('--resume', 'resume an interrupted dispatch instead of starting one')
    .option('--poll <ms>', 'how often progress is read', (v) => Number(v), 500)
    .parse(process.argv);
  const opts = program.opts<{ resume?: boolean; poll: number }>();
  const io = terminalIo();
  // The handlers run in this process when it starts its own stack: their routine lines stay out of the report.
  process.env.LOG_LEVEL ??= 'warn';
  const dataDir = defaultDataDir();
  const running = findRunningStack(dataDir);
  let own: RunningStack | undefined;
  let url: string;
  if (running) {
    url = running.url;
    io.err(`Using the local stack at ${url} (data in ${dataDir}).`);
  } else {
    io.err(`No \`npm start\` is running on ${dataDir}: starting the local stack for this dispatch.`);
    own = await startStack({
      port: 0,
      sesPort: Number(process.env.SES_PORT || 8005),
      dataDir,
      campaignDir: process.env.CAMPAIGN_DIR || undefined,
      quiet: true,
      services: localServices(),
    });
    url = own.url;
    io.err(`Mails land in the local mailbox at ${own.mailboxUrl} while this command runs.`);
  }
  const missions = async (): Promise<MissionInfo[]> => {
    const res = await fetch(`${url}/local/missions`);
    if (!res.ok) return [];
    return ((await res.json()) as { missions: MissionInfo[] }).missions;
  };
  try {
    return await runDispatch({ url, io, resume: opts.resume, pollMs: opts.poll, missions });
  } finally {
    await own?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`Dispatch failed: ${e.message}`);
    process.exit(1);
  },
);
