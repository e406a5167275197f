/** The dispatch's adapters, wired once per process (shared by dispatch-start and dispatch-send). */
import { stringify } from 'csv-stringify/sync';
import { config } from '../config';
import type { DispatchDeps } from '../use-cases/dispatch';
import * as wiring from '../wiring';

let deps: DispatchDeps | undefined;

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
