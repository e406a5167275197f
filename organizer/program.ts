/**
 * The organiser's command line (`npm run organizer -- <command>`). IAM is the authentication: there is
 * no admin HTTP route to attack; the same commands act on AWS (--aws) or on the local stack.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createContext, type OrganizerContext } from './context';
import type { Io } from './io';
import { resolveTarget, TargetError } from './target';
import { dispatchPlan, dispatchReportCommand, letterPackCommand, scheduleCommand } from './commands/dispatch';
import { exportCommand } from './commands/export';
import { moderateDecide, moderateInteractive, moderateList } from './commands/moderate';
import { MODERATION_KINDS, type ModerationKind } from '../functions/core/participation';
import { CommandFailed, importMissions, missionsReport, validateMissionsFile } from './commands/missions';
import { purgeCommand } from './commands/purge';
import { statsCommand } from './commands/stats';

export { CommandFailed } from './commands/missions';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
};

/** Extra command groups (dispatch, moderation, scheduling) register themselves here. */
export type CommandModule = (program: Command, withContext: <A extends unknown[]>(run: (ctx: OrganizerContext, ...args: A) => Promise<unknown>) => (...args: A) => Promise<void>, io: Io) => void;
const modules: CommandModule[] = [];
export function registerCommands(m: CommandModule) {
  modules.push(m);
}

export function createProgram(io: Io): Command {
  const program = new Command('organizer')
    .description('Run the campaign: statistics, exports, missions, moderation, scheduling, dispatch and its report.')
    .option('--aws', 'act on the AWS deployment (names from cdk-outputs.json, your AWS credentials)')
    .option('--outputs <file>', 'the stack outputs file written by `npm run deploy`', undefined)
    .option('--data-dir <dir>', 'the local stack\'s data folder (default: DATA_DIR or .data/)')
    .showHelpAfterError()
    // Errors and --help come back to runOrganizer as exceptions, for every subcommand, rather than exiting.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });

  let ctx: OrganizerContext | undefined;
  const context = () => {
    if (!ctx) {
      const target = resolveTarget(program.opts());
      ctx = createContext(target, io);
      io.err(`Acting on ${target.description}, campaign ${ctx.campaign.id}.`);
    }
    return ctx;
  };
  const withContext =
    <A extends unknown[]>(run: (c: OrganizerContext, ...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      await run(context(), ...args);
    };

  program
    .command('stats')
    .description('signatures pending / confirmed / removed, by country, by mission and per day (bar charts)')
    .option('--html <file>', 'also write an HTML report with charts, to open in a browser')
    .option('--json', 'print the figures as JSON')
    .option('--top <n>', 'how many countries and missions to chart', positiveInt, 15)
    .action(withContext((c, opts: { html?: string; json?: boolean; top: number }) => statsCommand(c, opts)));

  program
    .command('export')
    .description('confirmed signatures as CSV (only what each signer agreed to show, unless --full)')
    .option('-o, --out <file>', 'write to this file (default: standard output)')
    .option('--full', 'include full names and email addresses (personal data: handle with care)')
    .action(withContext((c, opts: { out?: string; full?: boolean }) => exportCommand(c, opts)));

  const missions = program.command('missions').description('the directory of UK missions that receive the letters');
  missions
    .command('validate <file>')
    .description('check a missions CSV (country codes, mission types, duplicate ids, emails, phones); problems name the line')
    .action(async (file: string) => {
      validateMissionsFile(file, io);
    });
  missions
    .command('import <file>')
    .description('show what a missions CSV would change; change it only with --apply')
    .option('--apply', 'write the changes')
    .action(withContext((c, file: string, opts: { apply?: boolean }) => importMissions(c, file, opts)));
  missions
    .command('report')
    .description('operating missions without a working email address (their letters are printed for delivery in person)')
    .option('--csv <file>', 'also write the list as CSV')
    .action(withContext((c, opts: { csv?: string }) => missionsReport(c, opts)));

  program
    .command('purge')
    .description('after the dispatch: delete emails and everything not needed for the public record')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--force', 'purge even though the campaign has not been dispatched')
    .action(withContext((c, opts: { yes?: boolean; force?: boolean }) => purgeCommand(c, opts)));

  const dispatch = program
    .command('dispatch')
    .description('the dispatch: what it would do (--dry-run) and, during or after it, the delivery report');
  dispatch
    .command('plan', { isDefault: true })
    .description('letters per mission, missions without a usable address, estimated duration; sends nothing')
    .option('--dry-run', 'accepted for clarity: this command never sends')
    .option('--rate <n>', 'the maximum send rate, mails per second (default: MAX_SEND_RATE or 14)', positiveInt)
    .option('--json', 'print the plan as JSON')
    .action(withContext((c, opts: { rate?: number; json?: boolean }) => dispatchPlan(c, opts)));
  dispatch
    .command('report')
    .description('per mission: queued, sent, delivered, bounced, complaints, failed, for in-person delivery')
    .option('--json', 'print the report as JSON')
    .option('--csv <file>', 'also write the report as CSV')
    .option('--html <file>', 'also write an HTML report with a chart')
    .action(withContext((c, opts: { json?: boolean; csv?: string; html?: string }) => dispatchReportCommand(c, opts)));

  const kindOption = (v: string) => {
    if (!(MODERATION_KINDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${MODERATION_KINDS.join(', ')}`);
    return v as ModerationKind;
  };
  const moderate = program
    .command('moderate')
    .description('the moderation queue: in-person actions, photos, co-signers and contact reports waiting for a decision');
  moderate
    .command('next', { isDefault: true })
    .description('go through the queue on a terminal: approve, reject (with a reason) or skip each item')
    .option('--kind <kind>', `only one kind (${MODERATION_KINDS.join(', ')})`, kindOption)
    .action(withContext((c, opts: { kind?: ModerationKind }) => moderateInteractive(c, opts)));
  moderate
    .command('list')
    .description('list what waits for a decision, oldest first')
    .option('--kind <kind>', `only one kind (${MODERATION_KINDS.join(', ')})`, kindOption)
    .option('--json', 'print the queue as JSON')
    .action(withContext((c, opts: { kind?: ModerationKind; json?: boolean }) => moderateList(c, opts)));
  moderate
    .command('approve <kind> <ref>')
    .description('approve one item (it becomes public; a report is closed)')
    .action(withContext((c, kind: string, ref: string) => moderateDecide(c, 'approved', kind, ref, {})));
  moderate
    .command('reject <kind> <ref>')
    .description('reject one item, with the reason')
    .requiredOption('--reason <text>', 'why (kept for the organisers, never shown publicly)')
    .action(withContext((c, kind: string, ref: string, opts: { reason?: string }) => moderateDecide(c, 'rejected', kind, ref, opts)));

  program
    .command('letter-pack')
    .description('printable letter packs (HTML, print or save as PDF) with every signatory, for delivery in person')
    .option('--mission <id...>', 'the missions to write a pack for')
    .option('--no-address', 'a pack for every mission with letters and no working email address')
    .option('-o, --out <dir>', 'the folder to write to', 'letter-packs')
    .option('--language <code>', 'the letter\'s language (default: the campaign\'s)')
    .action(withContext((c, opts: { mission?: string[]; address?: boolean; out: string; language?: string }) => letterPackCommand(c, { ...opts, noAddress: opts.address === false })));

  program
    .command('schedule [when]')
    .description('show the dispatch time, or move it: local time in the campaign\'s zone (2026-12-10T09:00) or an instant with offset')
    .action(withContext((c, when: string | undefined) => scheduleCommand(c, when)));

  for (const m of modules) m(program, withContext, io);
  return program;
}

/** Runs the command line; resolves with the exit status (errors are printed, not thrown). */
export async function runOrganizer(argv: string[], io: Io): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    const err = e as Error & { code?: string; exitCode?: number };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (err.code?.startsWith('commander.')) return err.exitCode ?? 2;
    if (e instanceof CommandFailed || e instanceof TargetError) {
      io.err(err.message);
      return e instanceof CommandFailed ? e.exitCode : 2;
    }
    io.err(`Failed: ${err.message}`);
    return 1;
  }
}
