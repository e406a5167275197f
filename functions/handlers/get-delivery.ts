/** GET /api/delivery — the public delivery ledger: per mission, letters queued, sent, delivered, bounced... */
import { config } from '../config';
import { httpHandler, json } from '../http';
import * as wiring from '../wiring';

const campaign = wiring.campaign();
const ledger = wiring.ledger();

export const handler = httpHandler(async () => {
  const snapshot = await ledger.read(campaign.id);
  const missions = Object.entries(snapshot.missions)
    .map(([id, l]) => ({ id, ...l }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const maxAge = Math.min(config.statsMaxAgeSeconds, 10);
  return json(200, { missions, updatedAt: new Date().toISOString() }, `public, max-age=${maxAge}`);
});
