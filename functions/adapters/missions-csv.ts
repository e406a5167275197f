/** Reading a missions CSV file (csv-parse) into validated missions, with problems naming file lines. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { MISSION_CSV_COLUMNS, type Mission } from '../core/mission';
import { missionsFromRows, type RowProblem } from '../core/mission-row';

export type { RowProblem } from '../core/mission-row';

export interface MissionsFileResult {
  /** Valid rows (all of them when `problems` is empty). */
  missions: Mission[];
  problems: RowProblem[];
}

interface ParsedRow {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** The line a record starts on: csv-parse reports where it ends, and quoted fields may span lines. */
function startLine(row: ParsedRow): number {
  const body = row.raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  return row.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Parses CSV text with a header row. Malformed CSV, missing columns and rows with the wrong number
 * of fields are problems (not exceptions), each with its line; other rows are still checked.
 */
export function parseMissionsCsv(text: string): MissionsFileResult {
  let rows: ParsedRow[];
  try {
    rows = parse(text, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as ParsedRow[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { missions: [], problems: [{ line: err.lines ?? 1, column: '(file)', message: `not readable as CSV: ${err.message}` }] };
  }
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { missions: [], problems: [{ line: 1, column: '(file)', message: 'the file is empty' }] };
  const header = headerRow.record.map((h) => h.trim());
  const missing = MISSION_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { missions: [], problems: [{ line: startLine(headerRow), column: '(header)', message: `missing column(s): ${missing.join(', ')} (expected ${MISSION_CSV_COLUMNS.join(',')})` }] };
  }

  const problems: RowProblem[] = [];
  const records: { record: Record<string, string>; line: number }[] = [];
  for (const row of dataRows) {
    const line = startLine(row);
    if (row.record.length !== header.length) {
      problems.push({ line, column: '(row)', message: `has ${row.record.length} fields where the header has ${header.length}` });
      continue;
    }
    records.push({ record: Object.fromEntries(header.map((h, i) => [h, row.record[i]!])), line });
  }
  const checked = missionsFromRows(records);
  return { missions: checked.missions, problems: [...problems, ...checked.problems].sort((a, b) => a.line - b.line) };
}

/** Reads and validates a missions file. */
export function loadMissionsFile(path: string): MissionsFileResult {
  return parseMissionsCsv(readFileSync(path, 'utf8'));
}
