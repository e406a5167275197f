/** GET /api/stats — confirmed letters in total, per mission and per signer country; cacheable. */
import { config } from '../config';
import { httpHandler, json } from '../http';
import { statsReader } from '../use-cases/public-views';
import * as wiring from '../wiring';

const maxAge = config.statsMaxAgeSeconds;
const readStats = statsReader({ campaign: wiring.campaign(), counters: wiring.counters(), clock: wiring.clock() }, Math.min(maxAge, 10) * 1000);

export const handler = httpHandler(async () =>
  json(200, await readStats(), `public, max-age=${maxAge}, stale-while-revalidate=${Math.max(0, 60 - maxAge)}`),
);
