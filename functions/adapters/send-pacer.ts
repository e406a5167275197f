/**
 * The send rate shared by every worker: one counter per second in the table, taken with a conditional
 * ADD. However many workers run, at most `maxPerSecond` mails start in any one second.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../clients';
import { dispatchKeys } from './keys';

export class DynamoSendPacer {
  constructor(
    private readonly tableName: string,
    private readonly campaignId: string,
    private readonly maxPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits for a send slot; resolves with the second it belongs to. */
  async acquire(): Promise<number> {
    const max = Math.max(1, Math.floor(this.maxPerSecond));
    for (;;) {
      const t = this.now();
      const second = Math.floor(t / 1000);
      try {
        await dynamoClient().send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: dispatchKeys.paceSlot(this.campaignId, second),
            UpdateExpression: 'ADD n :one SET #ttl = :ttl',
            ConditionExpression: 'attribute_not_exists(n) OR n < :max',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':one': 1, ':max': max, ':ttl': second + 3600 },
          }),
        );
        return second;
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException) && (e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
        // This second is full: wait for the next one (with a little jitter so workers do not stampede).
        await this.sleep((second + 1) * 1000 - t + Math.floor(Math.random() * 20));
      }
    }
  }
}
