/** Reading a missions file: the project's own data and the mistakes an organiser's edit can make. */
import { join } from 'node:path';
import { loadMissionsFile, parseMissionsCsv } from '../../functions/adapters/missions-csv';
import { MISSION_CSV_COLUMNS } from '../../functions/core/mission';

const HEADER = MISSION_CSV_COLUMNS.join(',');
const PARIS = 'gb-embassy-fr-paris,FR,France,embassy,British Embassy Paris,Paris,"35 rue du Faubourg St Honoré, 75008 Paris",+33 1 44 51 31 00,,https://www.gov.uk/world/france,gov.uk';
const MADRID = 'gb-embassy-es-madrid,ES,Spain,embassy,British Embassy Madrid,Madrid,"Paseo de la Castellana 259D, 28046 Madrid",+34 917 146 300,,https://www.gov.uk/world/spain,gov.uk';

describe('the missions data shipped with the project', () => {
  const { missions, problems } = loadMissionsFile(join(__dirname, '..', '..', 'data', 'missions', 'uk-missions.csv'));

  it('reads without a single problem', () => {
    expect(problems).toEqual([]);
    expect(missions.length).toBeGreaterThan(200);
  });

  it('hides the missions whose source notes they are not operating (Kabul, Tehran, Niamey)', () => {
    const hidden = missions.filter((m) => !m.operating).map((m) => m.id);
    expect(hidden).toEqual(expect.arrayContaining(['gb-embassy-af-kabul', 'gb-embassy-ir-tehran', 'gb-embassy-ne-niamey']));
    expect(missions.find((m) => m.id === 'gb-embassy-al-tirana')?.operating).toBe(true);
  });
});

describe('a missions file', () => {
  it('reads quoted fields with commas and a byte-order mark', () => {
    const { missions, problems } = parseMissionsCsv(`\uFEFF${HEADER}\n${PARIS}\n`);
    expect(problems).toEqual([]);
    expect(missions[0]).toMatchObject({ id: 'gb-embassy-fr-paris', address: '35 rue du Faubourg St Honoré, 75008 Paris' });
  });

  it('names the line of a broken row, counting blank lines and multi-line addresses', () => {
    const text = [HEADER, PARIS, '', PARIS.replace('"35 rue', '"35\nrue').replace('gb-embassy-fr-paris', 'gb-embassy-fr-two'), MADRID.replace(',ES,', ',SPAIN,')].join('\n');
    const { missions, problems } = parseMissionsCsv(text);
    expect(missions.map((m) => m.id)).toEqual(['gb-embassy-fr-paris', 'gb-embassy-fr-two']);
    expect(missions[1]!.address).toBe('35\nrue du Faubourg St Honoré, 75008 Paris');
    expect(problems).toEqual([expect.objectContaining({ line: 6, column: 'country_code' })]);
  });

  it('names a duplicate id with both lines', () => {
    const { problems } = parseMissionsCsv([HEADER, PARIS, MADRID, PARIS].join('\n'));
    expect(problems).toEqual([{ line: 4, column: 'id', message: 'duplicate id "gb-embassy-fr-paris" (first on line 2)' }]);
  });

  it('refuses a row with too many or too few fields and still checks the others', () => {
    const { missions, problems } = parseMissionsCsv([HEADER, `${PARIS},extra`, 'gb-embassy-x,FR', MADRID].join('\n'));
    expect(missions.map((m) => m.id)).toEqual(['gb-embassy-es-madrid']);
    expect(problems).toEqual([
      { line: 2, column: '(row)', message: 'has 12 fields where the header has 11' },
      { line: 3, column: '(row)', message: 'has 2 fields where the header has 11' },
    ]);
  });

  it('refuses a header without a required column, naming it', () => {
    const { missions, problems } = parseMissionsCsv([HEADER.replace(',email', ',e-mail'), PARIS].join('\n'));
    expect(missions).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 1, column: '(header)', message: expect.stringContaining('missing column(s): email') })]);
  });

  it('reports an unclosed quote as a problem with its line instead of crashing', () => {
    const { missions, problems } = parseMissionsCsv([HEADER, PARIS, 'gb-embassy-x,FR,"France'].join('\n'));
    expect(missions).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, column: '(file)' })]);
  });

  it('reports an empty file', () => {
    expect(parseMissionsCsv('').problems).toEqual([expect.objectContaining({ column: '(file)', message: 'the file is empty' })]);
  });
});
