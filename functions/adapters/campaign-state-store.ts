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
