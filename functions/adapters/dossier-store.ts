/**
 * Dossier mode: one mail per mission. Its state is one item per mission, claimed with a lease like a
 * letter: pending -> sending -> sent | failed, so a redelivered message never mails a mission twice.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../clients';
import { dispatchKeys } from './keys';

const conditionFailed = (e: unknown) => e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

export class DynamoDossierStore {
  constructor(private readonly tableName: string) {}

  private async update(campaignId: string, missionId: string, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: dispatchKeys.dossier(campaignId, missionId),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }

  async claim(campaignId: string, missionId: string, now: Date, leaseMs: number): Promise<'claimed' | 'done' | 'busy'> {
    const ok = await this.update(
      campaignId,
      missionId,
      'SET #s = :sending, leaseUntil = :until',
      'attribute_not_exists(#s) OR (#s = :sending AND leaseUntil < :now)',
      { ':sending': 'sending', ':until': new Date(now.getTime() + leaseMs).toISOString(), ':now': now.toISOString() },
    );
    if (ok) return 'claimed';
    const item = (await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: dispatchKeys.dossier(campaignId, missionId), ConsistentRead: true }))).Item;
    return item?.status === 'sending' ? 'busy' : 'done';
  }

  async recordSent(campaignId: string, missionId: string, messageId: string, letters: number, now: Date): Promise<boolean> {
    return this.update(campaignId, missionId, 'SET #s = :sent, sesMessageId = :m, letters = :n, sentAt = :now REMOVE leaseUntil', '#s = :sending', {
      ':sent': 'sent',
      ':sending': 'sending',
      ':m': messageId,
      ':n': letters,
      ':now': now.toISOString(),
    });
  }

  async recordFailed(campaignId: string, missionId: string, reason: string): Promise<boolean> {
    return this.update(campaignId, missionId, 'SET #s = :failed, failureReason = :r REMOVE leaseUntil', '#s = :sending', { ':failed': 'failed', ':sending': 'sending', ':r': reason.slice(0, 500) });
  }

  async release(campaignId: string, missionId: string): Promise<void> {
    await this.update(campaignId, missionId, 'REMOVE #s, leaseUntil', '#s = :sending', { ':sending': 'sending' });
  }
}
