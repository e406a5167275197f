/**
 * Fixed-window rate limiting on the table. All windows of one limit (per minute, per hour...) live in
 * one item keyed by the longest window, so a hit costs a single ADD whatever the number of windows;
 * the item expires (TTL) an hour after its longest window ends.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter, RateWindow } from '../core/ports';
import { dynamoClient } from '../clients';
import { keys } from './keys';

/** DynamoDB implementation of the RateLimiter port. */
export class DynamoRateLimiter implements RateLimiter {
  constructor(private readonly tableName: string) {}

  async hit(scope: string, subject: string, windows: readonly RateWindow[], now: Date) {
    if (windows.length === 0) return { allowed: true, retryAfterSeconds: 0 };
    const nowS = Math.floor(now.getTime() / 1000);
    const longest = Math.max(...windows.map((w) => w.seconds));
    for (const w of windows) if (longest % w.seconds !== 0) throw new Error(`Rate window ${w.seconds}s does not divide ${longest}s`);
    const outer = Math.floor(nowS / longest);
    const names: Record<string, string> = { '#ttl': 'ttl' };
    const adds: string[] = [];
    windows.forEach((w, i) => {
      names[`#w${i}`] = `w${w.seconds}_${Math.floor(nowS / w.seconds)}`;
      adds.push(`#w${i} :one`);
    });
    const res = await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateWindow(scope, subject, outer),
        UpdateExpression: `ADD ${adds.join(', ')} SET #ttl = :ttl`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1, ':ttl': (outer + 1) * longest + 3600 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    let allowed = true;
    let retryAfterSeconds = 0;
    windows.forEach((w, i) => {
      const hits = Number(res.Attributes?.[names[`#w${i}`]!] ?? 1);
      if (hits > w.limit) {
        allowed = false;
        const windowEnd = (Math.floor(nowS / w.seconds) + 1) * w.seconds;
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, windowEnd - nowS));
      }
    });
    return { allowed, retryAfterSeconds };
  }
}
