/**
 * `missions validate|import|report`: check an organiser's corrected missions file, show what it would
 * change, apply it only when asked, and list missions that cannot receive letters by email.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { loadMissionsFile } from '../../functions/adapters/missions-csv';
import { diffMissions, mergeImported, missionsWithoutWorkingAddress, removedWithLetters, type MissionsDiff } from '../../functions/core/missions-diff';
import { scanSignatures } from '../../functions/adapters/table-scan';
import type { Mission } from '../../functions/core/mission';
import type { OrganizerContext } from '../context';
import type { Io } from '../io';

export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Validates a file; prints each problem with its line; throws CommandFailed when there is any. */
export function validateMissionsFile(file: string, io: Io): Mission[] {
  const { missions, problems } = loadMissionsFile(file);
  if (problems.length) {
    for (const p of problems) io.err(`${file}:${p.line}: ${p.column}: ${p.message}`);
    throw new CommandFailed(`${file}: ${problems.length} problem(s); nothing was changed.`);
  }
  const operating = missions.filter((m) => m.operating);
  io.out(`${file}: ${missions.length} missions in ${new Set(missions.map((m) => m.countryCode)).size} countries are valid (${operating.length} operating, ${missions.length - operating.length} not operating, ${operating.filter((m) => !m.email).length} operating without an email address).`);
  return missions;
}

/** Letters (pending or confirmed) per mission: a mission with any cannot silently disappear. */
async function lettersByMission(ctx: OrganizerContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const page of scanSignatures(ctx.target.tableName, ctx.campaign.id)) for (const s of page) counts[s.missionId] = (counts[s.missionId] ?? 0) + 1;
  return counts;
}

export function printDiff(diff: MissionsDiff, io: Io) {
  io.out(`Compared with the current list: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`);
  for (const m of diff.added) io.out(`  + ${m.id}  ${m.name} (${m.countryCode})`);
  for (const m of diff.removed) io.out(`  - ${m.id}  ${m.name} (${m.countryCode})`);
  for (const c of diff.changed) {
    io.out(`  ~ ${c.id}  ${c.name}`);
    for (const f of c.changes) io.out(`      ${f.field}: "${f.from}" -> "${f.to}"`);
  }
}

export async function importMissions(ctx: OrganizerContext, file: string, opts: { apply?: boolean }) {
  const { io } = ctx;
  const next = validateMissionsFile(file, io);
  const current = await ctx.missions.list();
  const diff = diffMissions(current, next);
  printDiff(diff, io);
  const blocked = removedWithLetters(diff, await lettersByMission(ctx));
  if (blocked.length) {
    for (const b of blocked) io.err(`  ${b.mission.id} has ${b.letters} letter(s): keep its row (add "status: ..." to its source column to close it) instead of deleting it.`);
    throw new CommandFailed(`Refused: ${blocked.length} mission(s) with letters would disappear. Nothing was changed.`);
  }
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) {
    io.out('Nothing to change.');
    return diff;
  }
  if (!opts.apply) {
    io.out('Dry run: nothing was changed. Run again with --apply to make these changes.');
    return diff;
  }
  await ctx.missions.putAll(mergeImported(current, next));
  if (diff.removed.length) await ctx.missions.removeAll(diff.removed.map((m) => m.id));
  io.out(`Applied: the site shows the new list within a minute (missions are cached briefly by each function).`);
  return diff;
}

/** Operating missions without a working email address, with their letters: these get a printed pack. */
export async function missionsReport(ctx: OrganizerContext, opts: { csv?: string }) {
  const { io } = ctx;
  const missions = await ctx.missions.list();
  const letters = (await ctx.counters.read(ctx.campaign.id)).byMission;
  const rows = missionsWithoutWorkingAddress(missions)
    .map((m) => ({ id: m.id, name: m.name, country: m.countryCode, reason: m.email ? 'address failing (bounced or complained)' : 'no email address', letters: letters[m.id] ?? 0, phone: m.phone, address: m.address }))
    .sort((a, b) => b.letters - a.letters || a.id.localeCompare(b.id));
  io.out(`${rows.length} operating mission(s) cannot receive letters by email; their letters go in a printed pack (${rows.reduce((n, r) => n + r.letters, 0)} confirmed letters now).`);
  for (const r of rows) io.out(`  ${String(r.letters).padStart(6)}  ${r.id}  ${r.name} — ${r.reason}${r.phone ? `, phone ${r.phone}` : ''}`);
  const unverified = missions.filter((m) => m.operating && m.email && m.emailStatus === 'unverified').length;
  io.out(`${unverified} operating mission(s) have an address that no delivery has confirmed yet (many are pre-2020 @fco.gov.uk addresses): correct them with \`missions import\`.`);
  if (opts.csv) {
    writeFileSync(opts.csv, stringify(rows, { header: true }));
    io.err(`Wrote ${opts.csv}.`);
  }
  return rows;
}
