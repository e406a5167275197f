/**
 * `export`: confirmed signatures as CSV, streamed page by page (bounded memory at any size). By
 * default only what each signer agreed to show; `--full` adds names and emails, with a warning.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { countryName } from '../../functions/core/countries';
import { displayName, type Signature } from '../../functions/core/signature';
import { scanSignatures } from '../../functions/adapters/table-scan';
import type { OrganizerContext } from '../context';

export const PUBLIC_COLUMNS = ['name_as_shown', 'country', 'country_name', 'mission_id', 'mission_name', 'confirmed_at', 'delivery_status'] as const;
export const FULL_COLUMNS = [...PUBLIC_COLUMNS, 'signature_id', 'full_name', 'email', 'language', 'share_email', 'display', 'created_at'] as const;

export interface ExportOptions {
  out?: string;
  full?: boolean;
  /** Write to this stream instead of a file or stdout (tests). */
  stream?: Writable;
}

export async function exportCommand(ctx: OrganizerContext, opts: ExportOptions): Promise<{ rows: number }> {
  const { io } = ctx;
  if (opts.full) {
    io.err('WARNING: --full exports every signer\'s full name and email address. This file is personal data: store it encrypted,');
    io.err('share it with no one who does not need it, and delete it when done. Signers agreed to the letter, not to publication.');
  }
  const missionNames = new Map((await ctx.missions.list()).map((m) => [m.id, m.name]));
  const columns = opts.full ? FULL_COLUMNS : PUBLIC_COLUMNS;
  // A cell starting with = + - @ would run as a formula in a spreadsheet: such text is quoted with '.
  const csv = stringify({ header: true, columns: [...columns], cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) } });
  const sink: Writable = opts.stream ?? (opts.out ? createWriteStream(opts.out, { mode: opts.full ? 0o600 : 0o644 }) : process.stdout);
  csv.pipe(sink);
  const expected = (await ctx.counters.read(ctx.campaign.id)).confirmed;
  const progress = io.progress('Exporting', expected);
  let rows = 0;
  for await (const page of scanSignatures(ctx.target.tableName, ctx.campaign.id)) {
    for (const s of page) {
      if (s.status !== 'confirmed') continue;
      // Back-pressure: wait for the file to take what was written before reading on.
      if (!csv.write(row(s, missionNames, opts.full ?? false))) await once(csv, 'drain');
      rows++;
    }
    progress.increment(page.filter((s) => s.status === 'confirmed').length);
  }
  progress.stop();
  csv.end();
  if (sink !== process.stdout) await once(sink, 'finish');
  io.err(`Exported ${rows.toLocaleString('en')} confirmed signature(s)${opts.out ? ` to ${opts.out}` : ''}.`);
  return { rows };
}

function row(s: Signature, missionNames: Map<string, string>, full: boolean): Record<string, string> {
  const base: Record<string, string> = {
    name_as_shown: displayName(s.fullName ?? '', s.display) ?? '',
    country: s.country,
    country_name: countryName(s.country, 'en'),
    mission_id: s.missionId,
    mission_name: missionNames.get(s.missionId) ?? '',
    confirmed_at: s.confirmedAt ?? '',
    delivery_status: s.deliveryStatus ?? 'not sent yet',
  };
  if (!full) return base;
  return {
    ...base,
    signature_id: s.id,
    full_name: s.fullName ?? '',
    email: s.email ?? '',
    language: s.language,
    share_email: String(s.shareEmail ?? false),
    display: s.display,
    created_at: s.createdAt,
  };
}
