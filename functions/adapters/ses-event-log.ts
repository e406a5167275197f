/** Remembers processed SES events for a week (TTL), so a duplicate SNS delivery is not counted twice. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../clients';
import { dispatchKeys } from './keys';

export class DynamoSesEventLog {
  constructor(private readonly tableName: string) {}

  async firstTime(messageId: string, type: string): Promise<boolean> {
    try {
      await dynamoClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...dispatchKeys.sesEvent(messageId, type), ttl: Math.floor(Date.now() / 1000) + 7 * 86400 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException || (e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }
}
