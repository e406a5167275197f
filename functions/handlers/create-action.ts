/** POST /api/actions — register an in-person action: 202, pending email confirmation and moderation. */
import { ACTION_FIELDS, actionInputSchema, validateBody } from '../core/participation-input';
import { networkOf } from '../core/network';
import { checkedBody, clientIp, httpHandler, json } from '../http';
import { registerAction } from '../use-cases/participate';
import { mailingDeps } from './participation-deps';

const deps = mailingDeps();

export const handler = httpHandler(async (event) => {
  const input = checkedBody(event, (b) => validateBody(actionInputSchema, b, ACTION_FIELDS));
  return json(202, await registerAction(input, networkOf(clientIp(event)), deps));
});
