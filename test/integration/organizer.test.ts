/**
 * The organiser's command line against the local stand-ins: what an organiser sees when they check the
 * figures, export, correct the missions list and purge after the campaign.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/clients';
import { DynamoCampaignStateStore } from '../../functions/adapters/campaign-state-store';
import { lineProgress, type Io } from '../../organizer/io';
import { runOrganizer } from '../../organizer/program';
import { exportCommand } from '../../organizer/commands/export';
import { createContext } from '../../organizer/context';
import { resolveTarget } from '../../organizer/target';
import { openCampaign } from '../fixtures/campaigns';
import { seedSignatures } from '../fixtures/signatures';
import { api, withStack } from '../support/stack';
import { Mailbox, confirmLink } from '../support/mailbox';

const MISSIONS_CSV = join(__dirname, '..', '..', 'data', 'missions', 'uk-missions.csv');
const PARIS = 'gb-embassy-fr-paris';
const LIMA = 'gb-embassy-pe-lima';

function testIo(answer = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l = '') => out.push(l),
    err: (l) => err.push(l),
    isTTY: false,
    progress: (label, total) => lineProgress(label, total, (l) => err.push(l)),
    confirm: async (q) => {
      out.push(q);
      return answer;
    },
  };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

const organizer = async (args: string[], answer = false) => {
  const t = testIo(answer);
  const code = await runOrganizer(args, t.io);
  return { code, ...t };
};

const tmp = () => mkdtempSync(join(tmpdir(), 'organizer-'));

async function allItems(tableName: string) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await dynamoClient().send(new ScanCommand({ TableName: tableName, ExclusiveStartKey }));
    items.push(...(res.Items ?? []));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

describe('the organiser', () => {
  const stack = withStack({ campaignDir: openCampaign({ rateLimits: { perMinute: 1000, perHour: 10000 } }) });
  const campaignId = 'free-expression-2026';

  beforeAll(async () => {
    // Two real signers through the API (one confirmed), and a seeded crowd.
    const mailbox = new Mailbox(stack.current.sesUrl);
    const sign = (n: number, missionId: string, fullName: string) =>
      api(stack.current, '/api/signatures', { body: { fullName, country: 'PE', email: `real${n}@example.org`, missionId, consent: true, display: 'full' } });
    expect((await sign(1, LIMA, '=HYPERLINK("http://evil.example")')).status).toBe(202);
    expect((await sign(2, LIMA, 'Pending Person')).status).toBe(202);
    const token = confirmLink(await mailbox.latest('real1@example.org')).token;
    expect((await api(stack.current, '/api/signatures/confirm', { body: { token } })).status).toBe(200);
    await seedSignatures({ tableName: stack.current.tableName, campaignId, count: 60, missionIds: [PARIS, LIMA] });
  });

  it('gets help on every command', async () => {
    for (const args of [['--help'], ['stats', '--help'], ['export', '--help'], ['missions', 'import', '--help'], ['purge', '--help']]) {
      const r = await organizer(args);
      expect(r.code).toBe(0);
      expect(r.text()).toMatch(/Usage: organizer/);
    }
  });

  it('sees confirmed, pending and per-country figures as bar charts, and an HTML report', async () => {
    const file = join(tmp(), 'stats.html');
    const r = await organizer(['stats', '--html', file]);
    expect(r.code).toBe(0);
    expect(r.text()).toContain('61 confirmed, 1 pending');
    expect(r.text()).toMatch(/Peru \(PE\)\s+\d+\s+█/);
    expect(r.text()).toMatch(/British Embassy Paris\s+30\s+█/);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Brazil (BR)');
    const json = JSON.parse((await organizer(['stats', '--json'])).text());
    expect(json).toMatchObject({ confirmed: 61, pending: 1, byMission: { [PARIS]: 30, [LIMA]: 31 } });
  });

  it('exports only what signers agreed to show, unless asking for the full data with a warning', async () => {
    const dir = tmp();
    const r = await organizer(['export', '--out', join(dir, 'public.csv')]);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'public.csv'), 'utf8');
    expect(csv.split('\n').filter(Boolean)).toHaveLength(62); // header + 61
    expect(csv).not.toMatch(/@/);
    expect(csv).not.toContain('seed Signer 2,'); // display "hidden" (2 % 3 == 2) is never shown
    // A name that would run as a spreadsheet formula is quoted.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

    const full = await organizer(['export', '--full', '--out', join(dir, 'full.csv')]);
    expect(full.errors()).toMatch(/WARNING: --full exports every signer's full name and email address/);
    const fullCsv = readFileSync(join(dir, 'full.csv'), 'utf8');
    expect(fullCsv).toContain('real1@example.org');
    expect(fullCsv).not.toContain('real2@example.org'); // not confirmed
  });

  it('is told every problem of a bad missions file with its line, and nothing changes', async () => {
    const bad = join(tmp(), 'bad.csv');
    const all = readFileSync(MISSIONS_CSV, 'utf8').trimEnd().split(/\r?\n/);
    const row = (id: string) => all.find((l) => l.startsWith(`${id},`))!;
    const lines = [
      all[0]!,
      row('gb-embassy-al-tirana'),
      row(PARIS),
      row(LIMA).replace(',PE,', ',XX,'), // line 4
      row('gb-embassy-tn-tunis'),
      row('gb-embassy-tr-ankara').replace(',embassy,', ',palace,'), // line 6
      row('gb-embassy-al-tirana'), // line 7: the same id again
    ];
    writeFileSync(bad, lines.join('\n'));
    const before = (await allItems(stack.current.tableName)).filter((i) => i.pk === 'MISSIONS').length;
    for (const cmd of [['missions', 'validate', bad], ['missions', 'import', bad, '--apply']]) {
      const r = await organizer(cmd);
      expect(r.code).toBe(1);
      expect(r.errors()).toMatch(new RegExp(`bad.csv:4: country_code: "XX" is not an ISO 3166-1`));
      expect(r.errors()).toMatch(/bad.csv:6: mission_type: "palace"/);
      expect(r.errors()).toMatch(/bad.csv:7: id: .*(duplicate|twice|already|line 2)/i);
    }
    expect((await allItems(stack.current.tableName)).filter((i) => i.pk === 'MISSIONS').length).toBe(before);
  });

  it('sees the difference of a corrected missions file, and it is applied only with --apply', async () => {
    const fixed = join(tmp(), 'fixed.csv');
    // Paris has no address in the data: the organiser found one.
    const text = readFileSync(MISSIONS_CSV, 'utf8').replace(/^(gb-embassy-fr-paris,.*?\+33 \(0\) 1 44 51 31 00),,/m, '$1,paris.letters@fcdo.gov.uk,');
    expect(text).toContain('paris.letters@fcdo.gov.uk');
    writeFileSync(fixed, text);
    const dry = await organizer(['missions', 'import', fixed]);
    expect(dry.code).toBe(0);
    expect(dry.text()).toMatch(/0 added, 0 removed, 1 changed/);
    expect(dry.text()).toMatch(/~ gb-embassy-fr-paris/);
    expect(dry.text()).toMatch(/email: "" -> "paris\.letters@fcdo\.gov\.uk"/);
    expect(dry.text()).toContain('Dry run: nothing was changed');
    const items = async () => (await allItems(stack.current.tableName)).find((i) => i.sk === `MISSION#${PARIS}`)!;
    expect((await items()).email).not.toBe('paris.letters@fcdo.gov.uk');
    expect((await organizer(['missions', 'import', fixed, '--apply'])).code).toBe(0);
    expect(await items()).toMatchObject({ email: 'paris.letters@fcdo.gov.uk', emailStatus: 'unverified' });
  });

  it('cannot make a mission with letters disappear by leaving it out of the file', async () => {
    const without = join(tmp(), 'without-lima.csv');
    writeFileSync(without, readFileSync(MISSIONS_CSV, 'utf8').split('\n').filter((l) => !l.startsWith(`${LIMA},`)).join('\n'));
    const r = await organizer(['missions', 'import', without, '--apply']);
    expect(r.code).toBe(1);
    expect(r.errors()).toMatch(/gb-embassy-pe-lima has 32 letter\(s\)/);
    expect((await allItems(stack.current.tableName)).some((i) => i.sk === `MISSION#${LIMA}`)).toBe(true);
  });

  it('lists the operating missions that have no email address to send to', async () => {
    const r = await organizer(['missions', 'report']);
    expect(r.code).toBe(0);
    expect(r.text()).toMatch(/\d+ operating mission\(s\) cannot receive letters by email/);
    expect(r.text()).not.toContain('gb-embassy-af-kabul'); // not operating: hidden, not "without address"
  });

  it('is refused a purge before the dispatch, and a purge afterwards leaves no email address behind', async () => {
    const early = await organizer(['purge', '--yes']);
    expect(early.code).toBe(1);
    expect(early.errors()).toMatch(/not dispatched/);

    const state = new DynamoCampaignStateStore(stack.current.tableName);
    expect(await state.transition(campaignId, 'open', 'dispatching')).toBe(true);
    expect(await state.transition(campaignId, 'dispatching', 'dispatched')).toBe(true);

    const declined = await organizer(['purge'], false);
    expect(declined.text()).toContain('Nothing was changed.');
    expect((await allItems(stack.current.tableName)).some((i) => String(i.email ?? '').includes('@'))).toBe(true);

    const r = await organizer(['purge', '--yes']);
    expect(r.code).toBe(0);
    expect(r.text()).toMatch(/1 deleted, 61 reduced to the public record/);
    const left = (await allItems(stack.current.tableName)).filter((i) => i.pk !== 'MISSIONS');
    expect(JSON.stringify(left)).not.toMatch(/[^\s@"]+@[^\s@"]+\.[a-z]+/);
    const sigs = left.filter((i) => String(i.pk).startsWith('SIG#'));
    expect(sigs).toHaveLength(61);
    // Names survive only as each signer agreed to be shown.
    expect(sigs.find((i) => i.display === 'hidden')?.fullName).toBeUndefined();
    expect(sigs.find((i) => i.display === 'initials')?.fullName).toMatch(/^(\S\. ?)+$/);
    expect(sigs.find((i) => i.display === 'full' && String(i.fullName).startsWith('seed'))?.fullName).toMatch(/^seed Signer \d+$/);
  });
});

