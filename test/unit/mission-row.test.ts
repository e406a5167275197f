/** Checking one row of the missions data, as an organiser editing the file would meet it. */
import { missionFromRow, missionsFromRows } from '../../functions/core/mission-row';

/** The Tirana row of data/missions/uk-missions.csv. */
const tirana = {
  id: 'gb-embassy-al-tirana',
  country_code: 'AL',
  country_name: 'Albania',
  mission_type: 'embassy',
  mission_name: 'British Embassy Tirana',
  city: 'Tirana',
  address: 'Rruga Skenderbeg 12, Tirana, Albania',
  phone: '+355 4 223 4973',
  email: 'british.embassytirana@fco.gov.uk',
  website: 'https://www.gov.uk/world/organisations/british-embassy-tirana',
  source: 'alphagov/smart-answers@6fb9aab9:test/fixtures/worldwide/albania_organisations.json (GOV.UK Worldwide API data, fixture refresh of 2018-09-27, commit 660cb44b19)',
};

const problemsOf = (overrides: Record<string, string>) => missionFromRow({ ...tirana, ...overrides }, 7).problems;

describe('a missions row', () => {
  it('becomes an operating mission whose address is not yet verified', () => {
    const { mission, problems } = missionFromRow(tirana, 3);
    expect(problems).toEqual([]);
    expect(mission).toEqual({
      id: 'gb-embassy-al-tirana',
      countryCode: 'AL',
      countryName: 'Albania',
      type: 'embassy',
      name: 'British Embassy Tirana',
      city: 'Tirana',
      address: 'Rruga Skenderbeg 12, Tirana, Albania',
      phone: '+355 4 223 4973',
      email: 'british.embassytirana@fco.gov.uk',
      website: 'https://www.gov.uk/world/organisations/british-embassy-tirana',
      source: tirana.source,
      operating: true,
      emailStatus: 'unverified',
    });
  });

  it('with a "status:" note in its source is a mission not operating now', () => {
    const kabul = missionFromRow(
      { ...tirana, id: 'gb-embassy-af-kabul', country_code: 'AF', email: '', phone: '', address: '', source: 'GOV.UK data; status: operating from Doha, Qatar since August 2021' },
      2,
    );
    expect(kabul.problems).toEqual([]);
    expect(kabul.mission).toMatchObject({ operating: false, email: '', phone: '', address: '' });
  });

  it('without an email address is kept, with an empty address (a printed letter pack instead)', () => {
    const { mission, problems } = missionFromRow({ ...tirana, email: '' }, 2);
    expect(problems).toEqual([]);
    expect(mission?.email).toBe('');
  });

  it('accepts every phone notation found in the data', () => {
    for (const phone of ['+213 (0) 770 085 000', '+98 ( 0)21 6405 2000', '+44 20 7008 1500', '0044-20-7008.1500', '+1 202/588-6500']) expect(problemsOf({ phone })).toEqual([]);
  });

  it.each([
    ['id', { id: 'GB-Embassy-AL' }],
    ['id', { id: 'gb embassy al' }],
    ['id', { id: 'gb--embassy' }],
    ['id', { id: '' }],
    ['country_code', { country_code: 'al' }],
    ['country_code', { country_code: 'UK' }],
    ['country_code', { country_code: 'ALB' }],
    ['mission_type', { mission_type: 'Embassy' }],
    ['mission_type', { mission_type: 'ambassador residence' }],
    ['email', { email: 'british.embassy.fco.gov.uk' }],
    ['email', { email: 'a@b' }],
    ['email', { email: 'someone@fco.gov.uk\r\nBcc: x@evil.test' }],
    ['email', { email: '"quoted"@fco.gov.uk' }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: 'call the switchboard' }],
    ['phone', { phone: '+44 20 7008 1500 ext 4' }],
    ['website', { website: 'www.gov.uk/world' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['website', { website: 'https://www.gov.uk/world with spaces' }],
    ['mission_name', { mission_name: '  ' }],
    ['source', { source: '' }],
  ])('is refused naming the column %s when it holds %j', (column, overrides) => {
    const problems = problemsOf(overrides);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 7, column });
  });

  it('reports every broken column of a row at once, not just the first', () => {
    const columns = problemsOf({ country_code: 'XX', mission_type: 'palace', email: 'nope' }).map((p) => p.column);
    expect(columns).toEqual(['country_code', 'mission_type', 'email']);
  });

  it('ignores spaces around values', () => {
    expect(missionFromRow({ ...tirana, id: ' gb-embassy-al-tirana ', email: ' british.embassytirana@fco.gov.uk ' }, 2).mission).toMatchObject({
      id: 'gb-embassy-al-tirana',
      email: 'british.embassytirana@fco.gov.uk',
    });
  });
});

describe('a whole missions file', () => {
  it('refuses a second row with an id already used, naming the first line', () => {
    const { missions, problems } = missionsFromRows([
      { record: tirana, line: 2 },
      { record: { ...tirana, mission_name: 'Copy' }, line: 9 },
    ]);
    expect(missions.map((m) => m.name)).toEqual(['British Embassy Tirana']);
    expect(problems).toEqual([{ line: 9, column: 'id', message: 'duplicate id "gb-embassy-al-tirana" (first on line 2)' }]);
  });
});
