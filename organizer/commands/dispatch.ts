/**
 * Dispatch commands: the plan (dry run), the report with its chart, letter packs for the missions
 * letters cannot reach by email, and moving the dispatch time (the campaign state and, on AWS, the
 * EventBridge Scheduler schedule).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GetScheduleCommand, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { schedulerClient } from '../../functions/clients';
import { DynamoDeliveryLedger } from '../../functions/adapters/delivery-ledger';
import { DynamoLetterStore } from '../../functions/adapters/letter-store';
import { LETTER_INDEX_SHARDS } from '../../functions/adapters/keys';
import { campaignStatus, dispatchInstant } from '../../functions/core/campaign';
import { dispatchReport, estimatedSeconds, plannedSendRate } from '../../functions/core/dispatch';
import { letterMail } from '../../functions/core/letter-mail';
import { letterPackHtml, type PackSignatory } from '../../functions/core/letter-pack';
import { acceptsEmail, type Mission } from '../../functions/core/mission';
import { formatForPeople, toWallClock, wallClockToInstant } from '../../functions/core/time';
import { printReport } from '../../local/dispatch-run';
import { svgBars, terminalBars } from '../charts';
import type { OrganizerContext } from '../context';
import { CommandFailed } from './missions';

/** What a dispatch started now would do: letters per mission, missions without an address, duration. */
export async function dispatchPlan(ctx: OrganizerContext, opts: { rate?: number; json?: boolean }) {
  const { io, campaign } = ctx;
  const [counts, missions, state] = await Promise.all([ctx.counters.read(campaign.id), ctx.missions.list(), ctx.campaignState.get(campaign.id)]);
  const byId = new Map(missions.map((m) => [m.id, m]));
  const lines = Object.entries(counts.byMission)
    .filter(([, n]) => n > 0)
    .map(([id, letters]) => {
      const m = byId.get(id);
      return { id, name: m?.name ?? id, countryCode: m?.countryCode ?? '', letters, route: !m ? 'unknown mission' : acceptsEmail(m) ? 'email' : m.email === '' ? 'no address: printed pack' : 'address failing: printed pack' };
    })
    .sort((a, b) => b.letters - a.letters);
  const byEmail = lines.filter((l) => l.route === 'email').reduce((n, l) => n + l.letters, 0);
  const rate = opts.rate ?? Number(process.env.MAX_SEND_RATE ?? 14);
  const mails = byEmail * (campaign.notifySignersAfterDispatch ? 2 : 1);
  const seconds = campaign.deliveryMode === 'dossier' ? lines.filter((l) => l.route === 'email').length / plannedSendRate(rate) : estimatedSeconds(byEmail, rate, campaign.notifySignersAfterDispatch);
  const plan = {
    campaign: campaign.id,
    status: campaignStatus(campaign, state, new Date()),
    dispatchAt: dispatchInstant(campaign, state).toISOString(),
    mode: campaign.deliveryMode,
    letters: counts.confirmed,
    byEmail,
    printedPacks: lines.filter((l) => l.route !== 'email'),
    mails: campaign.deliveryMode === 'dossier' ? lines.filter((l) => l.route === 'email').length : mails,
    rate,
    estimatedSeconds: Math.ceil(seconds),
  };
  const sample = await firstMail(ctx, lines.filter((l) => l.route === 'email').map((l) => l.id), byId);
  if (opts.json) return io.out(JSON.stringify({ ...plan, firstMail: sample }, null, 2));
  io.out(`Dry run: nothing is sent. Campaign ${campaign.id} is ${plan.status}; dispatch at ${plan.dispatchAt} (${formatForPeople(new Date(plan.dispatchAt), 'en', campaign.timeZone)}).`);
  io.out(`  ${plan.letters} confirmed letters to ${lines.length} missions, mode ${plan.mode}.`);
  io.out(`  By email: ${byEmail} letters, ${plan.mails} mails${campaign.notifySignersAfterDispatch ? ' (with the note to each signer)' : ''}; at ${rate}/s about ${Math.ceil(seconds / 60)} min.`);
  if (plan.printedPacks.length) {
    io.out(`  For in-person delivery (printed packs, \`organizer letter-pack --no-address\`): ${plan.printedPacks.reduce((n, l) => n + l.letters, 0)} letters to ${plan.printedPacks.length} missions:`);
    for (const l of plan.printedPacks) io.out(`    ${`${l.name} (${l.countryCode})`.padEnd(50)} ${String(l.letters).padStart(6)}  ${l.route}`);
  }
  io.out('');
  io.out('  Letters per mission (top 12):');
  for (const line of terminalBars(lines.slice(0, 12).map((l) => ({ label: `${l.name} (${l.countryCode})`, value: l.letters })))) io.out(`  ${line}`);
  if (sample) {
    io.out('');
    io.out('  The first letter, as its mission will receive it:');
    io.out(`    From: ${sample.from}`);
    io.out(`    To: ${sample.to}`);
    if (sample.replyTo) io.out(`    Reply-To: ${sample.replyTo}`);
    io.out(`    Subject: ${sample.subject}`);
    io.out('');
    for (const line of sample.text.split('\n')) io.out(`    ${line}`);
  }
}

/** The first confirmed letter of the first mission with an address, rendered exactly as it would be sent. */
async function firstMail(ctx: OrganizerContext, missionIds: string[], missions: Map<string, Mission>) {
  const letters = new DynamoLetterStore(ctx.target.tableName);
  for (const missionId of missionIds.slice(0, 5)) {
    for (let shard = 0; shard < LETTER_INDEX_SHARDS; shard++) {
      const page = await letters.pageSignatures(ctx.campaign.id, missionId, shard, 5);
      const signature = page.signatures.find((s) => s.status === 'confirmed');
      const mission = missions.get(missionId);
      if (!signature || !mission) continue;
      const fromAddress = process.env.MAIL_FROM ?? 'letters@campaign.localhost';
      const mail = letterMail({ campaign: ctx.campaign, signature, mission, fromAddress });
      return { from: `${mail.fromName} <${mail.fromAddress}>`, to: mail.to.join(', '), replyTo: mail.replyTo?.join(', '), subject: mail.subject, text: mail.text };
    }
  }
  return undefined;
}

/** The delivery report: per mission sent, delivered, bounced, failed and for in-person delivery. */
export async function dispatchReportCommand(ctx: OrganizerContext, opts: { json?: boolean; html?: string; csv?: string }) {
  const { io, campaign } = ctx;
  const [snapshot, missions, state] = await Promise.all([new DynamoDeliveryLedger(ctx.target.tableName).read(campaign.id), ctx.missions.list(), ctx.campaignState.get(campaign.id)]);
  const report = dispatchReport(snapshot.missions, missions);
  if (opts.json) {
    io.out(JSON.stringify({ campaign: campaign.id, status: state?.status ?? 'open', totals: report.totals, missions: report.lines }, null, 2));
  } else {
    io.out(`Campaign ${campaign.id}: ${state?.status ?? 'open'}${snapshot.startedAt ? `, dispatch started ${snapshot.startedAt}` : ''}.`);
    printReport(io, report.lines, report.totals);
  }
  if (opts.csv) {
    const header = 'mission_id,mission,country,queued,sent,delivered,bounced,complained,failed,no_address,address_problem';
    const rows = report.lines.map((l) => [l.missionId, `"${l.name.replace(/"/g, '""')}"`, l.countryCode, l.queued, l.sent, l.delivered, l.bounced, l.complained, l.failed, l.no_address, l.addressProblem ?? ''].join(','));
    writeFileSync(opts.csv, [header, ...rows].join('\n') + '\n');
    io.err(`Wrote ${opts.csv}`);
  }
  if (opts.html) {
    const bars = report.lines.slice(0, 30).map((l) => ({ label: `${l.name} (${l.countryCode})`, value: l.sent + l.no_address + l.failed }));
    const t = report.totals;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dispatch report: ${campaign.id}</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}.warn{background:#fff4e5}</style></head><body>
<h1>Dispatch report: ${campaign.id}</h1>
<p>Status: ${state?.status ?? 'open'}. Sent ${t.sent}, delivered ${t.delivered}, bounced ${t.bounced}, complaints ${t.complained}, failed ${t.failed}, for in-person delivery ${t.no_address}.</p>
${svgBars('Letters per mission', bars)}
<table><thead><tr><th>Mission</th><th>queued</th><th>sent</th><th>delivered</th><th>bounced</th><th>complaints</th><th>failed</th><th>in person</th></tr></thead><tbody>
${report.lines.map((l) => `<tr${l.failed || l.addressProblem ? ' class="warn"' : ''}><td>${escape(l.name)} (${l.countryCode})${l.addressProblem ? ` — ${l.addressProblem === 'failing' ? 'address failing' : 'no address'}` : ''}</td><td>${l.queued}</td><td>${l.sent}</td><td>${l.delivered}</td><td>${l.bounced}</td><td>${l.complained}</td><td>${l.failed}</td><td>${l.no_address}</td></tr>`).join('\n')}
</tbody></table></body></html>`;
    writeFileSync(opts.html, html);
    io.err(`Wrote ${opts.html}`);
  }
  return report;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every confirmed letter of a mission (names and countries for its pack). */
async function signatoriesOf(ctx: OrganizerContext, missionId: string): Promise<PackSignatory[]> {
  const letters = new DynamoLetterStore(ctx.target.tableName);
  const out: PackSignatory[] = [];
  for (let shard = 0; shard < LETTER_INDEX_SHARDS; shard++) {
    let cursor: string | undefined;
    do {
      const page = await letters.pageSignatures(ctx.campaign.id, missionId, shard, 1000, cursor);
      for (const s of page.signatures) if (s.status === 'confirmed') out.push({ fullName: s.fullName, display: s.display, country: s.country, confirmedAt: s.confirmedAt });
      cursor = page.cursor;
    } while (cursor);
  }
  return out.sort((a, b) => (a.confirmedAt ?? '').localeCompare(b.confirmedAt ?? ''));
}

/**
 * Printable letter packs (HTML, print to paper or PDF from the browser): the letter and every
 * signatory of a mission, for delivery in person. `--no-address` writes one for each mission letters
 * cannot reach by email (no address, or an address that bounced).
 */
export async function letterPackCommand(ctx: OrganizerContext, opts: { mission?: string[]; noAddress?: boolean; out: string; language?: string }) {
  const { io, campaign } = ctx;
  const missions = await ctx.missions.list();
  const counts = (await ctx.counters.read(campaign.id)).byMission;
  let chosen: Mission[];
  if (opts.mission?.length) {
    chosen = opts.mission.map((id) => {
      const m = missions.find((x) => x.id === id);
      if (!m) throw new CommandFailed(`No mission with id "${id}" (see \`organizer missions report\`).`);
      return m;
    });
  } else if (opts.noAddress) {
    chosen = missions.filter((m) => !acceptsEmail(m) && (counts[m.id] ?? 0) > 0);
  } else {
    throw new CommandFailed('Say which packs to write: --mission <id> (repeatable) or --no-address.');
  }
  const dir = resolve(opts.out);
  mkdirSync(dir, { recursive: true });
  const language = (opts.language ?? campaign.defaultLanguage) as typeof campaign.defaultLanguage;
  if (!campaign.letters[language]) throw new CommandFailed(`The campaign has no letter in "${opts.language}" (it has ${Object.keys(campaign.letters).join(', ')}).`);
  const progress = io.progress('Letter packs', chosen.length);
  let signatures = 0;
  for (const m of chosen) {
    const signatories = await signatoriesOf(ctx, m.id);
    signatures += signatories.length;
    writeFileSync(join(dir, `${m.id}.html`), letterPackHtml({ campaign, mission: m, signatories, language, generatedAt: new Date() }));
    progress.increment();
  }
  progress.stop();
  io.out(`Wrote ${chosen.length} letter pack(s) with ${signatures} signatories to ${dir}. Open one in a browser and print it (or save it as PDF).`);
  if (signatures > 0) io.err('The packs hold signers\' names and countries: personal data. Print them, deliver them, then delete the files.');
}

/**
 * Moves the dispatch: the campaign state carries the new instant (signing closes then, the local
 * scheduler follows it) and, on AWS, the one-time schedule is updated to the same wall-clock time.
 */
/** campaign.json's text with its dispatchAt set to `wallClock`, everything else as written; undefined if it has none. */
export function withDispatchAt(json: string, wallClock: string): string | undefined {
  const re = /("dispatchAt"\s*:\s*)"[^"]*"/;
  return re.test(json) ? json.replace(re, `$1"${wallClock}"`) : undefined;
}

export async function scheduleCommand(ctx: OrganizerContext, when: string | undefined) {
  const { io, campaign, target } = ctx;
  if (when === undefined) {
    const state = await ctx.campaignState.get(campaign.id);
    const at = dispatchInstant(campaign, state);
    io.out(`Dispatch at ${toWallClock(at, campaign.timeZone).slice(0, 16)} ${campaign.timeZone} (${at.toISOString()}): ${formatForPeople(at, 'en', campaign.timeZone)}${state?.dispatchAtOverride ? ', moved by an organiser' : ', as campaign.json says'}.`);
    io.out(`Campaign status: ${campaignStatus(campaign, state, new Date())}. Signing closes at the dispatch time.`);
    return;
  }
  const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(when) ? when : undefined;
  let instant: Date;
  if (wallClock) instant = wallClockToInstant(wallClock, campaign.timeZone);
  else if (!Number.isNaN(Date.parse(when)) && /[zZ]|[+-]\d{2}:\d{2}$/.test(when)) instant = new Date(when);
  else throw new CommandFailed(`"${when}" is not a time: give the campaign's local time (2026-12-10T09:00, ${campaign.timeZone}) or an instant with its offset (2026-12-10T09:00:00Z).`);
  const state = await ctx.campaignState.get(campaign.id);
  if ((state?.status ?? 'open') !== 'open') throw new CommandFailed(`The dispatch has already started (status ${state?.status}): it cannot be moved.`);
  if (instant.getTime() <= Date.now()) throw new CommandFailed(`${instant.toISOString()} is in the past; to send now use \`npm run dispatch\` (local) or schedule a minute ahead.`);
  const local = toWallClock(instant, campaign.timeZone);
  if (target.kind === 'aws') {
    if (!target.scheduleName) throw new CommandFailed('The stack outputs have no DispatchScheduleName: deploy the current stack first.');
    const current = await schedulerClient().send(new GetScheduleCommand({ Name: target.scheduleName, GroupName: target.scheduleGroup }));
    // UpdateSchedule replaces the whole definition: everything but the time is carried over.
    await schedulerClient().send(
      new UpdateScheduleCommand({
        Name: target.scheduleName,
        GroupName: target.scheduleGroup,
        ScheduleExpression: `at(${local})`,
        ScheduleExpressionTimezone: campaign.timeZone,
        FlexibleTimeWindow: current.FlexibleTimeWindow ?? { Mode: 'OFF' },
        Target: current.Target!,
        State: 'ENABLED',
        Description: current.Description,
        ActionAfterCompletion: current.ActionAfterCompletion,
      }),
    );
    io.err(`Updated the schedule ${target.scheduleName}.`);
    // The deploy renders the schedule from campaign.json: the file moves too, or the next deploy would move the time back.
    const file = join(target.campaignDir, 'campaign.json');
    const rewritten = existsSync(file) ? withDispatchAt(readFileSync(file, 'utf8'), local.slice(0, 16)) : undefined;
    if (rewritten !== undefined) {
      writeFileSync(file, rewritten);
      io.err(`Wrote "dispatchAt": "${local.slice(0, 16)}" to ${file}, so that the next \`npm run deploy\` keeps this time: commit it.`);
    } else {
      io.err(`Could not find "dispatchAt" in ${file}: set it to "${local.slice(0, 16)}" there before the next \`npm run deploy\`, or the deploy moves the time back.`);
    }
  }
  await ctx.campaignState.setDispatchAtOverride(campaign.id, instant.toISOString());
  io.out(`Dispatch moved to ${local.slice(0, 16)} ${campaign.timeZone} (${instant.toISOString()}): ${formatForPeople(instant, 'en', campaign.timeZone)}.`);
}
