/** POST /api/signatures — validate, then store a pending signature and mail the confirmation link. */
import { ValidationError, MalformedBodyError } from '../core/errors';
import { validateSignatureInput } from '../core/signature-input';
import { config } from '../config';
import { clientIp, httpHandler, json, readJsonBody } from '../http';
import { networkOf } from '../core/network';
import { signLetter } from '../use-cases/sign-letter';
import * as wiring from '../wiring';

const deps = {
  campaign: wiring.campaign(),
  campaignState: wiring.campaignStateForSigning(),
  missions: wiring.missions(),
  signatures: wiring.signatures(),
  mailer: wiring.mailer(),
  rateLimiter: wiring.rateLimiter(),
  clock: wiring.clock(),
  publicUrl: config.publicUrl,
  mailFrom: config.mailFrom,
};

export const handler = httpHandler(async (event, requestId) => {
  const checked = validateSignatureInput(readJsonBody(event));
  if (!checked.ok) throw checked.field === 'body' ? new MalformedBodyError(checked.message) : new ValidationError(checked.field, checked.message);
  const result = await signLetter({ input: checked.value, clientNetwork: networkOf(clientIp(event)), requestId }, deps);
  return json(202, result);
});
