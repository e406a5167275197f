/** Read-only public views: the campaign, the missions directory, the live counts. */
import { publicCampaign, type Campaign } from '../core/campaign';
import { compareMissions, toPublicMission, type PublicMission } from '../core/mission';
import type { CampaignStateStore, Clock, Counters, CountSnapshot, MissionDirectory } from '../core/ports';

/** GET /api/campaign. */
export async function viewCampaign(deps: { campaign: Campaign; campaignState: CampaignStateStore; clock: Clock }, language?: string) {
  const state = await deps.campaignState.get(deps.campaign.id);
  return publicCampaign(deps.campaign, state, deps.clock.now(), language);
}

/** GET /api/missions: operating missions only, embassies and high commissions first, no email addresses. */
export async function listPublicMissions(deps: { missions: MissionDirectory }): Promise<{ missions: PublicMission[] }> {
  const all = await deps.missions.list();
  return { missions: all.filter((m) => m.operating).sort(compareMissions).map(toPublicMission) };
}

export interface StatsView extends CountSnapshot {
  updatedAt: string;
}

/**
 * Counts with a per-process cache: under a viral spike readers hit the CDN cache first and this
 * cache second, so the table sees at most one read per `maxAgeMs` per warm function.
 */
export function statsReader(deps: { campaign: Campaign; counters: Counters; clock: Clock }, maxAgeMs: number) {
  let cached: { at: number; view: StatsView } | undefined;
  let inflight: Promise<StatsView> | undefined;
  return async function readStats(): Promise<StatsView> {
    const now = deps.clock.now().getTime();
    if (cached && now - cached.at < maxAgeMs) return cached.view;
    inflight ??= deps.counters
      .read(deps.campaign.id)
      .then((snapshot) => {
        const view = { confirmed: snapshot.confirmed, byMission: snapshot.byMission, byCountry: snapshot.byCountry, updatedAt: new Date(now).toISOString() };
        cached = { at: now, view };
        return view;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
}
