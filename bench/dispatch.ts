/**
 * Dispatch throughput through the local stack as `npm start` runs it (own process, dynalite and the
 * local SES as children): BENCH_LETTERS confirmed letters (default 100,000) over 100 missions, the
 * maximum send rate set to BENCH_RATE (default 400/s). The rate is measured where it matters, at the
 * local SES: mails per wall-clock second from its store's receive times.
 *
 * Then a second run with the cap far above what the local SES can take (BENCH_UNCAPPED_LETTERS,
 * default 20,000), beside the raw local-SES send rate measured in the same run: SendEmail straight to
 * the same SES process with as many requests in flight as the workers can have.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { formatResult, type BenchResult, type Figure } from './lib/report';
import { startServerProcess, type ServerProcess } from './lib/server-process';
import { median, runUntil } from './lib/stats';
import { adoptRuntimeEnv } from '../local/runtime-file';
import { resetClients } from '../functions/clients';
import { DynamoMissionDirectory } from '../functions/adapters/mission-directory';
import { seedId, seedSignatures } from '../test/fixtures/signatures';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../functions/clients';
import { keys } from '../functions/adapters/keys';

const ROOT = resolve(__dirname, '..');
const CAMPAIGN_ID = 'free-expression-2026';
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

function benchCampaign(): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-'));
  cpSync(join(ROOT, 'campaigns', CAMPAIGN_ID), dir, { recursive: true });
  const file = join(dir, 'campaign.json');
  const campaign = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...campaign, dispatchAt: '2099-12-10T09:00', notifySignersAfterDispatch: false }, null, 2));
  return dir;
}

interface RunFigures {
  letters: number;
  wallSeconds: number;
  /** letters / (last mail second - first mail second + 1) */
  overallRate: number;
  /** Median of the per-second counts, first and last (partial) seconds left out. */
  medianRate: number;
  maxPerSecond: number;
  seconds: number;
  secondsAtCap: number;
  /** Mails counted at the local SES minus letters (negative: mails not seen there). */
  duplicates: number;
  /** Letters the store recorded as sent, and as failed, when the dispatch finished. */
  recordedSent: number;
  failed: number;
}

/** Seeds `letters`, dispatches them through the server and counts mails per second at the local SES. */
async function dispatchRun(server: ServerProcess, letters: number, cap: number): Promise<RunFigures> {
  const { info } = server;
  adoptRuntimeEnv(info);
  // The SDK clients are built from the environment: this server's dynalite from now on.
  resetClients();
  const missions = (await new DynamoMissionDirectory(info.tableName).list()).filter((m) => m.operating && m.email !== '').slice(0, 100);
  const seeded = performance.now();
  await seedSignatures({ tableName: info.tableName, campaignId: CAMPAIGN_ID, count: letters, missionIds: missions.map((m) => m.id), prefix: `b${cap}` });
  process.stderr.write(`  seeded ${letters} letters in ${((performance.now() - seeded) / 1000).toFixed(0)} s\n`);

  const perSecond = new Map<number, number>();
  const seen = new Set<string>();
  let duplicates = 0;
  let since = Math.floor(Date.now() / 1000);
  const collect = async () => {
    const res = await fetch(`${info.sesUrl}/store?since=${since}`);
    const { emails } = (await res.json()) as { emails: { messageId: string; at: number; destination: { to: string[] }; body: { text?: string } }[] };
    let newest = since;
    for (const m of emails) {
      // The stand-in's message IDs are random among 900 million: at 100,000 mails a few collide, so a
      // mail is told apart by its ID, recipient and text (each letter names its own signer).
      const id = `${m.messageId}|${m.destination.to.join(',')}|${createHash('sha1').update(m.body.text ?? '').digest('hex')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      perSecond.set(m.at, (perSecond.get(m.at) ?? 0) + 1);
      newest = Math.max(newest, m.at);
    }
    // Mails are stamped when SES accepts them but stored a moment later, so one stamped a second or
    // two before the newest seen may still arrive: the next read overlaps (duplicates are skipped by id).
    since = Math.max(since, newest - 3);
  };

  let finalTotals = { sent: 0, failed: 0 };
  const t0 = performance.now();
  const started = await fetch(`${info.url}/local/dispatch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!started.ok) throw new Error(`dispatch did not start: ${started.status} ${await started.text()}`);
  let lastReport = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    await collect();
    const status = (await (await fetch(`${info.url}/local/dispatch`)).json()) as { status: string; totals: { sent: number; failed: number }; queue: { visible: number; inFlight: number } };
    finalTotals = status.totals;
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      process.stderr.write(`  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${status.totals.sent} sent\n`);
    }
    if (status.status === 'dispatched' && status.queue.visible + status.queue.inFlight === 0) break;
    if (performance.now() - t0 > 3_600_000) throw new Error('dispatch did not finish within an hour');
  }
  await collect();
  const wallSeconds = (performance.now() - t0) / 1000;
  const letterMails = [...perSecond.values()].reduce((a, b) => a + b, 0);
  duplicates = letterMails - letters;
  const secs = [...perSecond.keys()].sort((a, b) => a - b);
  const first = secs[0]!;
  const last = secs.at(-1)!;
  const series = Array.from({ length: last - first + 1 }, (_, i) => perSecond.get(first + i) ?? 0);
  const inner = series.slice(1, -1);
  return {
    letters,
    wallSeconds,
    overallRate: letterMails / series.length,
    medianRate: median(inner.length ? inner : series),
    maxPerSecond: Math.max(...series),
    seconds: series.length,
    secondsAtCap: inner.filter((n) => n >= cap * 0.95).length,
    duplicates,
    recordedSent: finalTotals.sent,
    failed: finalTotals.failed,
  };
}

/**
 * The store's own ceiling: conditional UpdateItems on the letters just dispatched (the shape of a claim:
 * a condition on the delivery status, an item in the letter index), `inFlight` at a time, for `seconds`.
 * Sending a letter takes two such writes (claim, sent record) whatever the design, so half this rate
 * bounds any dispatch on this machine with this store, before the queue mark, the delivery event, the
 * SES calls, the queue and the workers' own work take their share.
 */
async function storeWriteRate(tableName: string, prefix: string, letters: number, inFlight: number, seconds: number): Promise<number> {
  const t0 = performance.now();
  const done = await runUntil(inFlight, Date.now() + seconds * 1000, (n) =>
    dynamoClient()
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.signature(CAMPAIGN_ID, seedId(prefix, n % letters)),
          UpdateExpression: 'SET leaseUntil = :until, attempts = if_not_exists(attempts, :zero) + :one',
          ConditionExpression: '#status = :confirmed AND (attribute_not_exists(#ds) OR #ds <> :sending OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status', '#ds': 'deliveryStatus' },
          ExpressionAttributeValues: { ':until': new Date().toISOString(), ':now': new Date().toISOString(), ':confirmed': 'confirmed', ':sending': 'sending', ':zero': 0, ':one': 1 },
        }),
      )
      .then(
        () => 1,
        () => 0,
      ),
  );
  return done.reduce<number>((a, b) => a + b, 0) / ((performance.now() - t0) / 1000);
}

/** SendEmail straight to the local SES, `inFlight` at a time, for `seconds`: mails per second. */
async function rawSesRate(sesUrl: string, inFlight: number, seconds: number): Promise<number> {
  const ses = new SESv2Client({ endpoint: sesUrl, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const letter = readFileSync(join(ROOT, 'campaigns', CAMPAIGN_ID, 'letter.en.md'), 'utf8');
  try {
    const t0 = performance.now();
    const sent = await runUntil(inFlight, Date.now() + seconds * 1000, (n) =>
      ses
        .send(
          new SendEmailCommand({
            FromEmailAddress: '"Raw Bench via Campaign" <letters@campaign.localhost>',
            Destination: { ToAddresses: [`raw-${n}@missions.example.org`] },
            Content: { Simple: { Subject: { Data: 'Raw bench' }, Body: { Text: { Data: letter }, Html: { Data: `<p>${letter}</p>` } } } },
            EmailTags: [{ Name: 'kind', Value: 'raw' }],
          }),
        )
        .then(
          () => 1,
          () => 0,
        ),
    );
    return sent.reduce<number>((a, b) => a + b, 0) / ((performance.now() - t0) / 1000);
  } finally {
    ses.destroy();
  }
}

export async function run(): Promise<BenchResult> {
  const letters = num('BENCH_LETTERS', 100_000);
  const cap = num('BENCH_RATE', 400);
  const uncappedLetters = num('BENCH_UNCAPPED_LETTERS', 20_000);
  const concurrency = num('DISPATCH_MAX_CONCURRENCY', 20);
  const campaignDir = benchCampaign();
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    process.stderr.write(`  capped run: ${letters} letters at ${cap}/s\n`);
    const capped = await startServerProcess({ CAMPAIGN_DIR: campaignDir, MAX_SEND_RATE: String(cap), DISPATCH_MAX_CONCURRENCY: String(concurrency), LOG_LEVEL: 'warn' }, { keepLogs: false });
    let a: RunFigures;
    let storeRate: number;
    try {
      a = await dispatchRun(capped, letters, cap);
      // The same store, idle again, holding the letters just sent.
      storeRate = await storeWriteRate(capped.info.tableName, `b${cap}`, letters, concurrency * 10, 15);
    } finally {
      await capped.stop();
    }
    figures.push(
      { name: 'capped: median rate', value: a.medianRate, unit: 'mails/s', goal: { op: '>=', target: cap * 0.95 }, note: `cap ${cap}/s; median of ${a.seconds - 2} full seconds` },
      { name: 'capped: overall rate', value: a.overallRate, unit: 'mails/s', baseline: 'store bound', note: 'letters / seconds from first to last mail' },
      { name: 'capped: busiest second', value: a.maxPerSecond, unit: 'mails', goal: { op: '<=', target: cap }, note: 'no 1-second window above the cap' },
      { name: 'capped: wall time', value: a.wallSeconds, unit: 's', note: `${a.letters.toLocaleString('en-GB')} letters, start to finished` },
      { name: 'capped: seconds at >= 95% of cap', value: a.secondsAtCap, unit: 's', note: `of ${a.seconds}` },
      { name: 'capped: duplicates', value: a.duplicates, unit: 'mails', goal: { op: '==', target: 0 }, note: 'mails at the local SES minus letters' },
      { name: 'store: conditional letter writes', value: storeRate, unit: 'writes/s', note: `UpdateItem with a condition on a letter, ${concurrency * 10} in flight, 15 s, same dynalite` },
      { name: 'store bound', value: storeRate / 2, unit: 'letters/s', note: 'half the above: the two conditional writes every letter needs whatever the design (the claim before SES, the sent record after it)' },
      { name: 'capped: letters lost', value: a.letters - a.recordedSent - a.failed, unit: 'letters', goal: { op: '==', target: 0 }, note: `${a.recordedSent} recorded sent, ${a.failed} failed` },
    );

    process.stderr.write(`  uncapped run: ${uncappedLetters} letters, cap 100000/s\n`);
    const uncapped = await startServerProcess({ CAMPAIGN_DIR: campaignDir, MAX_SEND_RATE: '100000', DISPATCH_MAX_CONCURRENCY: String(concurrency), LOG_LEVEL: 'warn' }, { keepLogs: false });
    try {
      const b = await dispatchRun(uncapped, uncappedLetters, 100_000);
      // The same SES process, idle again: as many requests in flight as the workers can have.
      const raw = await rawSesRate(uncapped.info.sesUrl, concurrency * 10, 15);
      figures.push(
        { name: 'uncapped: overall rate', value: b.overallRate, unit: 'mails/s', baseline: 'raw local SES rate', goal: { op: '>=', target: raw * 0.9 }, note: `${b.letters.toLocaleString('en-GB')} letters in ${b.wallSeconds.toFixed(0)} s` },
        { name: 'uncapped: median rate', value: b.medianRate, unit: 'mails/s', baseline: 'raw local SES rate' },
        { name: 'raw local SES rate', value: raw, unit: 'mails/s', note: `SendEmail, ${concurrency * 10} in flight, 15 s, same SES process` },
      );
    } finally {
      await uncapped.stop();
    }
    notes.push(
      `${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), shared by the server, dynalite, the local SES and this process.`,
      `Workers: up to ${concurrency} invocations of dispatch-send at once (batches of 10 sent side by side); SES events (deliveries) recorded by the same process.`,
      'Rates are counted at the local SES from its receive times (whole seconds), independently of the pacer.',
      `The store sets the pace here: dynalite on the same CPUs takes ${storeRate.toFixed(0)} conditional letter writes/s, so ${(cap * 4).toLocaleString('en-GB')} writes/s for a ${cap}/s dispatch (or even ${(cap * 2).toLocaleString('en-GB')} for the claim and sent record alone) is beyond this machine; DynamoDB itself takes thousands per second per table on demand.`,
    );
    return { name: 'dispatch', title: 'Dispatch: letters through the local queue, workers and SES', figures, notes };
  } finally {
    rmSync(campaignDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().then(
    (r) => console.log(formatResult(r)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
