/** The adapters every participation route shares (actions, photos, co-signers, calls, reports). */
import { config } from '../config';
import type { ParticipationDeps } from '../use-cases/participate';
import * as wiring from '../wiring';

export function participationDeps(extra: Partial<ParticipationDeps> = {}): ParticipationDeps {
  return {
    campaign: wiring.campaign(),
    store: wiring.participation(),
    missions: wiring.missions(),
    rateLimiter: wiring.rateLimiter(),
    clock: wiring.clock(),
    ...extra,
  };
}

/** The deps of routes that mail a confirmation link. */
export function mailingDeps(): ParticipationDeps {
  return participationDeps({ mailer: wiring.mailer(), publicUrl: config.publicUrl, mailFrom: config.mailFrom });
}
