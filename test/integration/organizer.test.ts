/**
 * The organiser's command line against the local stand-ins: what an organiser sees when they check the
 * figures, export, correct the missions list and purge after the campaign.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/clients';
import { DynamoCampaignStateStore } from '../../functions/adapters/campaign-state-store';
import { organizer } from '../support/organizer';
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
const VIENNA = 'gb-embassy-at-vienna';

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
    for (const args of [['--help'], ['stats', '--help'], ['export', '--help'], ['missions', 'import', '--help'], ['purge', '--help'], ['dispatch', '--help'], ['dispatch', 'report', '--help'], ['letter-pack', '--help'], ['schedule', '--help']]) {
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

  it('sees what a dispatch would do without anything being sent: letters per mission, printed packs, duration', async () => {
    // Vienna has no email address in the data: its letters go in a printed pack.
    await seedSignatures({ tableName: stack.current.tableName, campaignId, count: 12, missionIds: [VIENNA], prefix: 'vienna' });
    const mailbox = new Mailbox(stack.current.sesUrl);
    const before = (await mailbox.all()).length;
    const r = await organizer(['dispatch', '--dry-run', '--rate', '10']);
    expect(r.code).toBe(0);
    expect(r.text()).toMatch(/Dry run: nothing is sent/);
    expect(r.text()).toMatch(/British Embassy Vienna \(AT\)\s+12\s+no address: printed pack/);
    expect(r.text()).toMatch(/By email: 61 letters, 122 mails \(with the note to each signer\); at 10\/s about 1 min/);
    // The first letter, rendered as it will go out, for inspection.
    expect(r.text()).toMatch(/The first letter, as its mission will receive it:\n\s+From: .+ via .+ <.+>\n\s+To: (belima@fco\.gov\.uk|paris\.letters@fcdo\.gov\.uk)/);
    expect(r.text()).toMatch(/Subject: .+/);
    const plan = JSON.parse((await organizer(['dispatch', '--dry-run', '--json'])).text()) as { letters: number; byEmail: number; printedPacks: { id: string; letters: number }[]; status: string };
    expect(plan).toMatchObject({ letters: 73, byEmail: 61, status: 'open' });
    expect(plan.printedPacks).toEqual([expect.objectContaining({ id: VIENNA, letters: 12 })]);
    expect((await mailbox.all()).length).toBe(before);
    expect(await new DynamoCampaignStateStore(stack.current.tableName).get(campaignId)).toBeUndefined();
  });

  it('writes a printable letter pack for each mission without an address, naming signers only as they agreed', async () => {
    const dir = tmp();
    const r = await organizer(['letter-pack', '--no-address', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.text()).toMatch(/Wrote 1 letter pack\(s\) with 12 signatories/);
    const html = readFileSync(join(dir, `${VIENNA}.html`), 'utf8');
    expect(html).toContain('British Embassy Vienna');
    expect(html).toContain('Jauresgasse 12, 1030 Vienna');
    expect(html).toContain('Signed by 12 people:');
    expect(html).toMatch(/<li><span class="n">vienna Signer 0<\/span>, <span class="c">Brazil<\/span><\/li>/);
    expect(html).toMatch(/<li><span class="n">V\. S\. \d+\.<\/span>/); // initials
    expect(html).toMatch(/…and 4 more who asked not to be named\./);
    expect(r.errors()).toMatch(/personal data/);

    const lima = await organizer(['letter-pack', '--mission', LIMA, '--out', dir, '--language', 'es']);
    expect(lima.code).toBe(0);
    const limaHtml = readFileSync(join(dir, `${LIMA}.html`), 'utf8');
    expect(limaHtml).toContain('<html lang="es">');
    expect(limaHtml).toContain('=HYPERLINK(&quot;http://evil.example&quot;)');
    expect(limaHtml).not.toContain('"http://evil.example"');

    expect((await organizer(['letter-pack', '--out', dir])).code).toBe(1);
    expect((await organizer(['letter-pack', '--mission', 'gb-nowhere', '--out', dir])).errors()).toMatch(/No mission with id "gb-nowhere"/);
  });

  it('sees the dispatch time, cannot move it into the past, and moving it moves the close of signing', async () => {
    const shown = await organizer(['schedule']);
    expect(shown.code).toBe(0);
    expect(shown.text()).toMatch(/Dispatch at 2099-12-10T09:00 Europe\/London \(2099-12-10T09:00:00.000Z\).*as campaign.json says/);

    const past = await organizer(['schedule', '2020-01-01T09:00']);
    expect(past.code).toBe(1);
    expect(past.errors()).toMatch(/in the past/);
    expect((await organizer(['schedule', 'next tuesday'])).errors()).toMatch(/is not a time/);

    const later = new Date(Date.now() + 3 * 86_400_000);
    later.setUTCSeconds(0, 0);
    const moved = await organizer(['schedule', later.toISOString()]);
    expect(moved.code).toBe(0);
    expect(moved.text()).toMatch(/Dispatch moved to/);
    const campaign = (await api(stack.current, '/api/campaign')).body as { dispatchAt: string; status: string };
    expect(new Date(campaign.dispatchAt).getTime()).toBe(later.getTime());
    expect(campaign.status).toBe('open');

    // Moved to a minute ago (as the state would be once the time passed), signing is closed.
    await new DynamoCampaignStateStore(stack.current.tableName).setDispatchAtOverride(campaignId, new Date(Date.now() - 60_000).toISOString());
    await new Promise((r) => setTimeout(r, 2100)); // the signing handler reads the state through a 2-second cache
    const closed = await api(stack.current, '/api/signatures', { body: { fullName: 'Late Comer', country: 'PE', email: 'late@example.org', missionId: LIMA, consent: true } });
    expect(closed.status).toBe(409);
    await new DynamoCampaignStateStore(stack.current.tableName).setDispatchAtOverride(campaignId, later.toISOString());
  });

  it('reads the delivery report as a table and as CSV', async () => {
    const csvFile = join(tmp(), 'report.csv');
    const r = await organizer(['dispatch', 'report', '--csv', csvFile]);
    expect(r.code).toBe(0);
    const csv = readFileSync(csvFile, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('mission_id,mission,country,queued,sent,delivered,bounced,complained,failed,no_address,address_problem');
  });

  it('is refused a purge before the dispatch, and a purge afterwards leaves no email address behind', async () => {
    const early = await organizer(['purge', '--yes']);
    expect(early.code).toBe(1);
    expect(early.errors()).toMatch(/not dispatched/);

    const state = new DynamoCampaignStateStore(stack.current.tableName);
    expect(await state.transition(campaignId, 'open', 'dispatching')).toBe(true);
    expect(await state.transition(campaignId, 'dispatching', 'dispatched')).toBe(true);

    // What participants submitted: refused or never confirmed goes entirely, the rest loses its email.
    const submissions = [
      { pk: `COSIGNER#${campaignId}#refused`, sk: 'COSIGNER', status: 'rejected', name: 'Refused Cosigner', email: 'refused@example.org', reason: 'not a real organisation' },
      { pk: `ACTION#${campaignId}#unconfirmed`, sk: 'ACTION', status: 'unconfirmed', title: 'Vigil', contactName: 'Never Confirmed', contactEmail: 'never@example.org' },
      { pk: `COSIGNER#${campaignId}#approved`, sk: 'COSIGNER', status: 'approved', name: 'Approved Cosigner', email: 'approved@example.org' },
    ];
    for (const Item of submissions) await dynamoClient().send(new PutCommand({ TableName: stack.current.tableName, Item }));

    const declined = await organizer(['purge'], { confirm: false });
    expect(declined.text()).toContain('Nothing was changed.');
    expect((await allItems(stack.current.tableName)).some((i) => String(i.email ?? '').includes('@'))).toBe(true);

    const r = await organizer(['purge', '--yes']);
    expect(r.code).toBe(0);
    expect(r.text()).toMatch(/1 deleted, 73 reduced to the public record, 2 refused or unconfirmed submission\(s\) deleted/);
    const left = (await allItems(stack.current.tableName)).filter((i) => i.pk !== 'MISSIONS');
    expect(left.filter((i) => /#(refused|unconfirmed)$/.test(String(i.pk)))).toEqual([]);
    expect(left.find((i) => i.pk === `COSIGNER#${campaignId}#approved`)).toMatchObject({ name: 'Approved Cosigner' });
    expect(JSON.stringify(left)).not.toMatch(/[^\s@"]+@[^\s@"]+\.[a-z]+/);
    const sigs = left.filter((i) => String(i.pk).startsWith('SIG#'));
    expect(sigs).toHaveLength(73);
    // Names survive only as each signer agreed to be shown.
    expect(sigs.find((i) => i.display === 'hidden')?.fullName).toBeUndefined();
    expect(sigs.find((i) => i.display === 'initials')?.fullName).toMatch(/^(\S\. ?)+$/);
    expect(sigs.find((i) => i.display === 'full' && String(i.fullName).startsWith('seed'))?.fullName).toMatch(/^seed Signer \d+$/);
  });
});

