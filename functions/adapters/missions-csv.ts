/** Reading a missions CSV file (csv-parse) into validated missions, with line-numbered problems. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { MISSION_CSV_COLUMNS, type Mission } from '../core/mission';
import { missionsFromRows, type RowProblem } from '../core/mission-row';

/** Parses CSV text; a missing column or malformed CSV is reported as a problem, not thrown. */
export function parseMissionsCsv(text: string): { missions: Mission[]; problems: RowProblem[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, info: true, relax_column_count: false, trim: false });
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { missions: [], problems: [{ line: err.lines ?? 0, column: '(file)', message: err.message }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = MISSION_CSV_COLUMNS.filter((c) => records.length > 0 && !header.includes(c));
  if (missing.length > 0) return { missions: [], problems: [{ line: 1, column: '(header)', message: `missing column(s): ${missing.join(', ')}` }] };
  // info.lines is the line the record ends on; multi-line quoted fields make that differ from its start.
  return missionsFromRows(records.map((r) => ({ record: r.record, line: r.info.lines })));
}

/** Reads and validates a missions file. */
export function loadMissionsFile(path: string) {
  return parseMissionsCsv(readFileSync(path, 'utf8'));
}
