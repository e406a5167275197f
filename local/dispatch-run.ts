/**
 * `npm run dispatch`, as a function: starts (or resumes) the dispatch on a running local stack, shows
 * its progress and ends with the report. Exit code 0 when every letter with an address was sent,
 * 1 when any failed or a task went to the dead-letter queue (letters for missions without an address
 * are reported, not failures).
 */
import type { Io } from '../organizer/io';
import { terminalBars } from '../organizer/charts';
import type { DispatchStatus } from './dispatch-service';
import { dispatchReport, type ReportLine } from '../functions/core/dispatch';

export interface MissionInfo {
  id: string;
  name: string;
  countryCode: string;
  email: string;
  emailStatus: string;
}

export interface RunDispatchOptions {
  /** The stack's origin, e.g. http://127.0.0.1:3000. */
  url: string;
  io: Io;
  /** Resume an interrupted dispatch instead of starting one. */
  resume?: boolean;
  pollMs?: number;
  /** The missions (names for the report; from the table). */
  missions: () => Promise<MissionInfo[]>;
}

async function call(url: string, method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/local/dispatch`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new Error(`The local stack answered ${res.status}: ${json.error?.message ?? 'no reason given'}`);
  return json;
}

/** Runs the dispatch to the end; resolves with the exit code. */
export async function runDispatch(o: RunDispatchOptions): Promise<number> {
  const { io } = o;
  const started = (await call(o.url, 'POST', o.resume ? { resume: true } : {})) as { result: { started?: boolean; resumed?: boolean; messages?: number }; status: DispatchStatus };
  const first = started.status;
  if (o.resume) io.out(started.result.resumed ? `Resuming the dispatch of "${first.campaignId}".` : `Nothing to resume: the campaign is ${first.status}.`);
  else if (started.result.started) io.out(`Dispatch of "${first.campaignId}" started: ${started.result.messages} tasks queued, at most ${first.maxSendRate} mails a second.`);
  else io.out(`The dispatch of "${first.campaignId}" had already started (status: ${first.status}); following it.`);

  let status = first;
  const progress = io.progress('Sending', Math.max(1, status.totals.queued));
  let shown = status.totals.sent + status.totals.failed;
  progress.increment(shown);
  const t0 = Date.now();
  for (;;) {
    const idle = status.queue.visible + status.queue.inFlight + status.queue.delayed === 0;
    // Finished: the campaign says so and nothing is left in the queue (notifications included).
    if (status.status === 'dispatched' && status.queue.visible + status.queue.inFlight === 0) break;
    if (status.status === 'open') break;
    // Stuck: the queue is empty but the dispatch is not complete (tasks went to the dead-letter queue).
    if (idle && status.deadLetters > 0 && status.workersBusy === 0) break;
    await new Promise((r) => setTimeout(r, o.pollMs ?? 500));
    status = (await call(o.url, 'GET')) as DispatchStatus;
    progress.setTotal(Math.max(1, status.totals.queued));
    const done = status.totals.sent + status.totals.failed;
    if (done > shown) progress.increment(done - shown);
    shown = done;
  }
  progress.stop();
  const seconds = (Date.now() - t0) / 1000;

  const report = dispatchReport(status.missions, await o.missions());
  printReport(io, report.lines, report.totals, seconds);
  if (status.deadLetters > 0) {
    io.err(`${status.deadLetters} dispatch task(s) failed repeatedly and are in the dead-letter queue; fix the cause, then run \`npm run dispatch -- --resume\`.`);
  }
  const failed = report.totals.failed > 0 || status.deadLetters > 0 || status.status !== 'dispatched';
  return failed ? 1 : 0;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function printReport(io: Io, lines: ReportLine[], totals: ReportLine | Omit<ReportLine, 'missionId' | 'name' | 'countryCode'>, seconds?: number): void {
  io.out('');
  io.out(`Dispatch report${seconds !== undefined ? ` (${seconds.toFixed(1)} s)` : ''}`);
  io.out(`  sent ${totals.sent} · failed ${totals.failed} · no address (printed pack) ${totals.no_address} · delivered ${totals.delivered} · bounced ${totals.bounced} · complaints ${totals.complained}`);
  const problems = lines.filter((l) => l.failed > 0 || l.no_address > 0 || l.bounced > 0 || l.complained > 0 || l.addressProblem);
  if (problems.length) {
    io.out('');
    io.out('  Missions that need attention:');
    io.out(`  ${'mission'.padEnd(46)} ${pad('sent', 6)} ${pad('failed', 6)} ${pad('no addr', 7)} ${pad('bounced', 7)}  note`);
    for (const l of problems) {
      const note = l.failed > 0 ? 'letters failed: see the log' : l.addressProblem === 'failing' ? 'address failing (bounce or complaint): deliver in person' : l.no_address > 0 ? 'no email address: deliver the printed pack' : '';
      io.out(`  ${`${l.name} (${l.countryCode})`.slice(0, 46).padEnd(46)} ${pad(l.sent, 6)} ${pad(l.failed, 6)} ${pad(l.no_address, 7)} ${pad(l.bounced, 7)}  ${note}`);
    }
  }
  const top = [...lines].sort((a, b) => b.sent + b.no_address - (a.sent + a.no_address)).slice(0, 12);
  if (top.length) {
    io.out('');
    io.out('  Letters per mission (top 12):');
    for (const line of terminalBars(top.map((l) => ({ label: `${l.name} (${l.countryCode})`.slice(0, 40), value: l.sent + l.no_address + l.failed })))) io.out(`  ${line}`);
  }
  io.out('');
}
