/** GET /api/calls — call outcomes per mission: { byMission: { <id>: { reached, voicemail, no_answer, refused } }, updatedAt }. */
import { httpHandler, json } from '../http';
import { callCounts } from '../use-cases/participate';
import { participationDeps } from './participation-deps';

const deps = participationDeps();

export const handler = httpHandler(async () => json(200, { byMission: await callCounts(deps), updatedAt: new Date().toISOString() }, 'public, max-age=15'));
