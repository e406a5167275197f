/** What every organiser command works with: the target deployment, its campaign, and the shared adapters. */
import { loadCampaign } from '../functions/adapters/campaign-files';
import { DynamoCampaignStateStore } from '../functions/adapters/campaign-state-store';
import { ShardedCounters } from '../functions/adapters/counters';
import { DynamoMissionDirectory } from '../functions/adapters/mission-directory';
import type { Campaign } from '../functions/core/campaign';
import type { Io } from './io';
import type { Target } from './target';

export interface OrganizerContext {
  target: Target;
  campaign: Campaign;
  io: Io;
  missions: DynamoMissionDirectory;
  counters: ShardedCounters;
  campaignState: DynamoCampaignStateStore;
}

export function createContext(target: Target, io: Io): OrganizerContext {
  const shards = Number(process.env.COUNTER_SHARDS ?? 64);
  return {
    target,
    io,
    campaign: loadCampaign(target.campaignDir),
    missions: new DynamoMissionDirectory(target.tableName, 0),
    counters: new ShardedCounters(target.tableName, shards),
    campaignState: new DynamoCampaignStateStore(target.tableName),
  };
}
