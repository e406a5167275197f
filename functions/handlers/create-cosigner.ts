/** POST /api/cosigners — ask to be added to the signatories: 202, pending email confirmation and moderation. */
import { COSIGNER_FIELDS, cosignerInputSchema, validateBody } from '../core/participation-input';
import { networkOf } from '../core/network';
import { checkedBody, clientIp, httpHandler, json } from '../http';
import { addCosigner } from '../use-cases/participate';
import { mailingDeps } from './participation-deps';

const deps = mailingDeps();

export const handler = httpHandler(async (event) => {
  const input = checkedBody(event, (b) => validateBody(cosignerInputSchema, b, COSIGNER_FIELDS));
  return json(202, await addCosigner(input, networkOf(clientIp(event)), deps));
});
