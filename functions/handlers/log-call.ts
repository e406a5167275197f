/** POST /api/calls — { missionId, outcome }: the outcome of a call to a mission, counted; no personal data. */
import { CALL_FIELDS, callInputSchema, validateBody } from '../core/participation-input';
import { networkOf } from '../core/network';
import { checkedBody, clientIp, httpHandler, json } from '../http';
import { logCall } from '../use-cases/participate';
import { participationDeps } from './participation-deps';

const deps = participationDeps();

export const handler = httpHandler(async (event) => {
  const input = checkedBody(event, (b) => validateBody(callInputSchema, b, CALL_FIELDS));
  return json(202, await logCall(input, networkOf(clientIp(event)), deps));
});
