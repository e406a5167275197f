/**
 * The send rate shared by every worker: one counter per second in the table, taken with conditional
 * ADDs. However many workers run, at most `maxPerSecond` mails start in any one second.
 *
 * Slots asked for at the same time by one process (a worker sending its batch in parallel) are taken
 * together: one conditional write for all of them, a read and a second write when the second is
 * nearly full. Callers not served wait for the next second.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { coalescing } from '../core/coalesce';
import { dynamoClient } from '../clients';
import { dispatchKeys } from './keys';

const conditionFailed = (e: unknown) => e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

export class DynamoSendPacer {
  private readonly max: number;

  constructor(
    private readonly tableName: string,
    private readonly campaignId: string,
    maxPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.max = Math.max(1, Math.floor(maxPerSecond));
  }

  /** Waits for a send slot; resolves with the second (epoch seconds) it belongs to. */
  async acquire(): Promise<number> {
    for (;;) {
      const granted = await this.request(undefined);
      if (granted.second !== undefined) return granted.second;
      // This second is full: wait for the next one (with a little jitter so workers do not stampede).
      await this.sleep(Math.max(0, (granted.full + 1) * 1000 - this.now()) + Math.floor(Math.random() * 20));
    }
  }

  /** Takes up to `k` slots of the current second: how many it got. */
  private async take(second: number, k: number): Promise<number> {
    const want = Math.min(k, this.max);
    const key = dispatchKeys.paceSlot(this.campaignId, second);
    const add = async (n: number, condition: string, values: Record<string, unknown>) => {
      try {
        await dynamoClient().send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: key,
            UpdateExpression: 'ADD n :k SET #ttl = :ttl',
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':k': n, ':ttl': second + 3600, ...values },
          }),
        );
        return true;
      } catch (e) {
        if (conditionFailed(e)) return false;
        throw e;
      }
    };
    if (await add(want, 'attribute_not_exists(n) OR n <= :limit', { ':limit': this.max - want })) return want;
    // Not room for all: see how many are left and take exactly those (if nobody took them meanwhile).
    const item = (await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
    const used = Number(item?.n ?? 0);
    const free = this.max - used;
    if (free <= 0) return 0;
    return (await add(free, 'n = :used', { ':used': used })) ? free : 0;
  }

  private readonly request = coalescing<undefined, { second?: number; full: number }>(async (items) => {
    const second = Math.floor(this.now() / 1000);
    const got = await this.take(second, items.length);
    return items.map((_, i) => (i < got ? { second, full: second } : { full: second }));
  });
}
