/**
 * Checking one row of a missions file (the columns of data/missions/uk-missions.csv) and a whole
 * file's rows. Problems name the line and column, so an organiser can fix the file directly.
 */
import { isCountryCode } from './countries';
import { hasStatusNote, MISSION_CSV_COLUMNS, MISSION_TYPES, type Mission, type MissionType } from './mission';

export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const PHONE_CHARS = /^[0-9 +()\-./]+$/;

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Validates one record (keys = CSV header names); `line` is the file line the record starts on. */
export function missionFromRow(row: Record<string, string | undefined>, line: number): { mission?: Mission; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const get = (c: (typeof MISSION_CSV_COLUMNS)[number]) => (row[c] ?? '').trim();
  const fail = (column: string, message: string) => problems.push({ line, column, message });

  const id = get('id');
  if (!ID.test(id)) fail('id', `"${id}" is not a valid id (lowercase letters, digits and single dashes)`);
  const countryCode = get('country_code');
  if (!isCountryCode(countryCode)) fail('country_code', `"${countryCode}" is not an ISO 3166-1 alpha-2 country code`);
  const type = get('mission_type');
  if (!(MISSION_TYPES as readonly string[]).includes(type)) fail('mission_type', `"${type}" is not one of ${MISSION_TYPES.join(', ')}`);
  const name = get('mission_name');
  if (!name) fail('mission_name', 'the mission needs a name');
  if (!get('country_name')) fail('country_name', 'the country needs a name');
  const email = get('email');
  if (email && !EMAIL.test(email)) fail('email', `"${email}" is not a valid email address`);
  const phone = get('phone');
  if (phone && (!PHONE_CHARS.test(phone) || (phone.match(/\d/g) ?? []).length < 6)) fail('phone', `"${phone}" does not look like a phone number`);
  const website = get('website');
  if (website && !isHttpUrl(website)) fail('website', `"${website}" is not an http(s) URL`);
  const source = get('source');
  if (!source) fail('source', 'every row must say where its data comes from');

  if (problems.length > 0) return { problems };
  return {
    problems,
    mission: {
      id,
      countryCode,
      countryName: get('country_name'),
      type: type as MissionType,
      name,
      city: get('city'),
      address: get('address'),
      phone,
      email,
      website,
      source,
      operating: !hasStatusNote(source),
      emailStatus: 'unverified',
    },
  };
}

/** Validates all rows and the file as a whole (duplicate ids). */
export function missionsFromRows(rows: { record: Record<string, string | undefined>; line: number }[]): { missions: Mission[]; problems: RowProblem[] } {
  const missions: Mission[] = [];
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    const r = missionFromRow(record, line);
    problems.push(...r.problems);
    if (!r.mission) continue;
    const seen = firstLine.get(r.mission.id);
    if (seen !== undefined) {
      problems.push({ line, column: 'id', message: `duplicate id "${r.mission.id}" (first on line ${seen})` });
      continue;
    }
    firstLine.set(r.mission.id, line);
    missions.push(r.mission);
  }
  return { missions, problems };
}
