/** POST /api/signatures/confirm — { token } from the confirmation mail; never a GET (mail scanners follow links). */
import { httpHandler, json, readJsonBody } from '../http';
import { confirmSignature } from '../use-cases/confirm-signature';
import * as wiring from '../wiring';

const deps = {
  campaign: wiring.campaign(),
  campaignState: wiring.campaignState(),
  signatures: wiring.signatures(),
  counters: wiring.counters(),
  clock: wiring.clock(),
};

export const handler = httpHandler(async (event) => json(200, await confirmSignature(readJsonBody(event).token, deps)));
