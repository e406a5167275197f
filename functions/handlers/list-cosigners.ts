/** GET /api/cosigners — approved co-signers, each shown as they agreed (hidden ones are only counted); cacheable. */
import { httpHandler, json } from '../http';
import { publicCosigners } from '../use-cases/participate';
import { participationDeps } from './participation-deps';

const deps = participationDeps();

export const handler = httpHandler(async () => json(200, { ...(await publicCosigners(deps)), updatedAt: new Date().toISOString() }, 'public, max-age=60'));
