/** GET /api/actions — approved in-person actions with their approved photos (metadata stripped); cacheable. */
import { httpHandler, json } from '../http';
import { publicActions } from '../use-cases/participate';
import { participationDeps } from './participation-deps';

const deps = participationDeps();

export const handler = httpHandler(async () => json(200, { actions: await publicActions(deps), updatedAt: new Date().toISOString() }, 'public, max-age=30'));
