/** Fixed-window rate limiting on the table: one ADD per hit on a key that expires with its window. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../core/ports';
import { dynamoClient } from '../clients';
import { keys } from './keys';

/** DynamoDB implementation of the RateLimiter port. */
export class DynamoRateLimiter implements RateLimiter {
  constructor(private readonly tableName: string) {}

  async hit(scope: string, subject: string, limit: number, windowSeconds: number, now: Date) {
    const nowS = Math.floor(now.getTime() / 1000);
    const window = Math.floor(nowS / windowSeconds);
    const windowEnd = (window + 1) * windowSeconds;
    const res = await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateWindow(scope, subject, window),
        UpdateExpression: 'ADD hits :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': windowEnd + 3600 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const hits = Number(res.Attributes?.hits ?? 1);
    return { allowed: hits <= limit, retryAfterSeconds: Math.max(1, windowEnd - nowS) };
  }
}
