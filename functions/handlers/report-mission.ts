/** POST /api/missions/{id}/reports — { message, email? }: wrong contact details, stored for moderation. */
import { REPORT_FIELDS, missionReportSchema, validateBody } from '../core/participation-input';
import { networkOf } from '../core/network';
import { checkedBody, clientIp, httpHandler, json, pathParameter } from '../http';
import { reportMission } from '../use-cases/participate';
import { participationDeps } from './participation-deps';

const deps = participationDeps();

export const handler = httpHandler(async (event) => {
  const missionId = pathParameter(event, 'id', /^[a-z0-9-]{1,80}$/);
  const input = checkedBody(event, (b) => validateBody(missionReportSchema, b, REPORT_FIELDS));
  return json(202, await reportMission(missionId, input, networkOf(clientIp(event)), deps));
});
