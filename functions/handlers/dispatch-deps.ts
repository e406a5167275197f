/** The dispatch's adapters, wired once per process (shared by dispatch-start and dispatch-send). */
import { stringify } from 'csv-stringify/sync';
import { config } from '../config';
import type { DispatchDeps, StartDeps } from '../use-cases/dispatch';
import * as wiring from '../wiring';

let deps: DispatchDeps | undefined;
let start: StartDeps | undefined;

/** What starting the dispatch needs: no mailer, pacer or letter store, so dispatch-start's bundle carries no SES client. */
export function startDeps(): StartDeps {
  return (start ??= {
    campaign: wiring.campaign(),
    campaignState: wiring.campaignState(),
    counters: wiring.counters(),
    missions: wiring.missions(),
    ledger: wiring.ledger(),
    queue: wiring.dispatchQueue(),
    clock: wiring.clock(),
    watchDelaySeconds: config.dispatchWatchSeconds,
  });
}

export function dispatchDeps(): DispatchDeps {
  return (deps ??= {
    campaign: wiring.campaign(),
    campaignState: wiring.campaignState(),
    counters: wiring.counters(),
    missions: wiring.missions(),
    letters: wiring.letters(),
    dossiers: wiring.dossiers(),
    ledger: wiring.ledger(),
    queue: wiring.dispatchQueue(),
    pacer: wiring.pacer(),
    mailer: wiring.mailer(),
    clock: wiring.clock(),
    mailFrom: config.mailFrom,
    csv: (rows) => stringify(rows),
    leaseMs: config.dispatchLeaseSeconds * 1000,
    watchDelaySeconds: config.dispatchWatchSeconds,
  });
}
