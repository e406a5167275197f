/** GET /api/campaign — the campaign, its status and the letter in the requested language (?lang=). */
import { httpHandler, json } from '../http';
import { viewCampaign } from '../use-cases/public-views';
import * as wiring from '../wiring';

const deps = { campaign: wiring.campaign(), campaignState: wiring.campaignState(), clock: wiring.clock() };

export const handler = httpHandler(async (event) =>
  json(200, await viewCampaign(deps, event.queryStringParameters?.lang), 'public, max-age=30, stale-while-revalidate=60'),
);
