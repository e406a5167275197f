/** Campaign state (status, rescheduled dispatch time) in the table; absent means "open, as the file says". */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CampaignState } from '../core/campaign';
import type { CampaignStateStore } from '../core/ports';
import { dynamoClient } from '../clients';
import { keys } from './keys';

/** DynamoDB implementation of the CampaignStateStore port. */
export class DynamoCampaignStateStore implements CampaignStateStore {
  constructor(private readonly tableName: string) {}

  async get(campaignId: string): Promise<CampaignState | undefined> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: keys.campaignState(campaignId), ConsistentRead: true }));
    if (!res.Item) return undefined;
    return {
      status: (res.Item.status as CampaignState['status']) ?? 'open',
      ...(typeof res.Item.dispatchAtOverride === 'string' ? { dispatchAtOverride: res.Item.dispatchAtOverride } : {}),
    };
  }

  async transition(campaignId: string, from: CampaignState['status'], to: CampaignState['status']): Promise<boolean> {
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.campaignState(campaignId),
          UpdateExpression: 'SET #s = :to, updatedAt = :now',
          // A missing status means "open".
          ConditionExpression: from === 'open' ? 'attribute_not_exists(#s) OR #s = :from' : '#s = :from',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':to': to, ':from': from, ':now': new Date().toISOString() },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException || (e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  async setDispatchAtOverride(campaignId: string, instantIso: string): Promise<void> {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.campaignState(campaignId),
        UpdateExpression: 'SET dispatchAtOverride = :at, updatedAt = :now',
        ExpressionAttributeValues: { ':at': instantIso, ':now': new Date().toISOString() },
      }),
    );
  }
}

/**
 * A read cache in front of the state for the busiest path (signing): at most one read per `ttlMs` per
 * warm function instead of one per request. Signing still closes on time, because the dispatch
 * instant from the campaign file is checked against the clock on every request; only an organiser's
 * reschedule or a manual dispatch start reaches signing up to `ttlMs` late.
 */
export function cachedCampaignState(store: CampaignStateStore, ttlMs: number, now: () => number = Date.now): CampaignStateStore {
  const cache = new Map<string, { at: number; value: Promise<CampaignState | undefined> }>();
  return {
    get(campaignId) {
      const hit = cache.get(campaignId);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = store.get(campaignId);
      cache.set(campaignId, { at: now(), value });
      value.catch(() => cache.delete(campaignId));
      return value;
    },
    async transition(campaignId, from, to) {
      cache.delete(campaignId);
      return store.transition(campaignId, from, to);
    },
    async setDispatchAtOverride(campaignId, instantIso) {
      cache.delete(campaignId);
      return store.setDispatchAtOverride(campaignId, instantIso);
    },
  };
}
