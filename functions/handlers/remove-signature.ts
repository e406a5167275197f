/** POST /api/signatures/remove — { token } from the confirmation mail; deletes the signature and its personal data. */
import { httpHandler, json, readJsonBody } from '../http';
import { removeSignature } from '../use-cases/remove-signature';
import * as wiring from '../wiring';

const deps = { campaign: wiring.campaign(), signatures: wiring.signatures(), counters: wiring.counters() };

export const handler = httpHandler(async (event) => json(200, await removeSignature(readJsonBody(event).token, deps)));
