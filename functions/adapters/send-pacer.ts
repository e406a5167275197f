/**
 * The send rate shared by every worker: one counter per second in the table, taken with conditional
 * ADDs. However many workers run, at most `maxPerSecond` less 2% (plannedSendRate) mails start in
 * any one second.
 *
 * Slots asked for at the same time by one process (a worker sending its batch in parallel) are taken
 * together: one conditional write for all of them, a read and a second write when the second is
 * nearly full. Callers not served wait for the next second.
 *
 * SES counts a mail in the second it receives it, a little after the send starts. So the sends of a
 * second are spread evenly over its first 900 ms (slot k of n starts k x 0.9 s / n into the second, not
 * all at once), and a slot is used only while its second has more than END_MARGIN_MS left: a send
 * started later (or a slot granted late, when the store was slow to answer) could land in the next
 * second beside that second's full quota. Such a slot goes unused: the rate is only ever under-used.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { coalescing } from '../core/coalesce';
import { plannedSendRate } from '../core/dispatch';
import { dynamoClient } from '../clients';
import { dispatchKeys } from './keys';

/** The end of each second in which no send starts. */
export const END_MARGIN_MS = 100;

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
    this.max = plannedSendRate(maxPerSecond);
  }

  /** Waits for a send slot; resolves with the second (epoch seconds) it belongs to. */
  async acquire(): Promise<number> {
    for (;;) {
      const intoSecond = this.now() % 1000;
      if (intoSecond >= 1000 - END_MARGIN_MS) {
        await this.sleep(1000 - intoSecond + Math.floor(Math.random() * 10));
        continue;
      }
      const granted = await this.request(undefined);
      if (granted.second !== undefined) {
        const startAt = granted.second * 1000 + Math.floor((granted.slot * (1000 - END_MARGIN_MS)) / this.max);
        const wait = startAt - this.now();
        if (wait > 0) await this.sleep(wait);
        if (this.now() < (granted.second + 1) * 1000 - END_MARGIN_MS) return granted.second;
        // Granted too late in its second (or after it): unused, ask again.
        continue;
      }
      // This second is full: wait for the next one (with a little jitter so workers do not stampede).
      await this.sleep(Math.max(0, (granted.full + 1) * 1000 - this.now()) + Math.floor(Math.random() * 20));
    }
  }

  /** Takes up to `k` slots of the current second: how many it got, and the index of the first. */
  private async take(second: number, k: number): Promise<{ got: number; first: number }> {
    const want = Math.min(k, this.max);
    const key = dispatchKeys.paceSlot(this.campaignId, second);
    const add = async (n: number, condition: string, values: Record<string, unknown>): Promise<number | undefined> => {
      try {
        const res = await dynamoClient().send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: key,
            UpdateExpression: 'ADD n :k SET #ttl = :ttl',
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':k': n, ':ttl': second + 3600, ...values },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        // The slots taken are the last n of the second's count.
        return Number(res.Attributes?.n ?? n) - n;
      } catch (e) {
        if (conditionFailed(e)) return undefined;
        throw e;
      }
    };
    const first = await add(want, 'attribute_not_exists(n) OR n <= :limit', { ':limit': this.max - want });
    if (first !== undefined) return { got: want, first };
    // Not room for all: see how many are left and take exactly those (if nobody took them meanwhile).
    const item = (await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
    const used = Number(item?.n ?? 0);
    const free = this.max - used;
    if (free <= 0) return { got: 0, first: 0 };
    return (await add(free, 'n = :used', { ':used': used })) !== undefined ? { got: free, first: used } : { got: 0, first: 0 };
  }

  private readonly request = coalescing<undefined, { second: number; slot: number } | { second?: undefined; full: number }>(async (items) => {
    const second = Math.floor(this.now() / 1000);
    const { got, first } = await this.take(second, items.length);
    return items.map((_, i) => (i < got ? { second, slot: first + i } : { full: second }));
  });
}
