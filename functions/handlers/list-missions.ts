/** GET /api/missions — operating missions, without email addresses. */
import { httpHandler, json } from '../http';
import { listPublicMissions } from '../use-cases/public-views';
import * as wiring from '../wiring';

const deps = { missions: wiring.missions() };

export const handler = httpHandler(async () => json(200, await listPublicMissions(deps), 'public, max-age=300, stale-while-revalidate=3600'));
