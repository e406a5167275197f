/** Signatures in the single table: conditional writes make dedup, confirmation and removal race-free. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SignatureChangeRefusal, SignatureStore } from '../core/ports';
import type { Signature } from '../core/signature';
import { dynamoClient } from '../clients';
import { keys, LETTER_INDEX_SHARDS, shardOf } from './keys';

const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

/** Drops the table keys and index attributes from an item. */
export function toSignature(item: Record<string, unknown>): Signature {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _gs, ttl: _t, usedConfirmTokenHash: _u, letterIndexPk: _l, uncount: _uc, removedAt: _ra, ...rest } = item;
  return rest as unknown as Signature;
}

/** DynamoDB implementation of the SignatureStore port. */
export class DynamoSignatureStore implements SignatureStore {
  constructor(private readonly tableName: string) {}

  async create(signature: Signature): Promise<'created' | 'exists'> {
    try {
      await dynamoClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.signature(signature.campaignId, signature.id),
            ...signature,
            // The GSI partition the letter joins once confirmed (copied into gsi1pk by confirm()).
            letterIndexPk: keys.letterIndexPartition(signature.campaignId, signature.missionId, shardOf(signature.id, LETTER_INDEX_SHARDS)),
          },
          // A tombstone whose counts were already corrected (its delete was interrupted) may be signed over.
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :removed AND uncount = :claimed)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':removed': 'removed', ':claimed': 'claimed' },
        }),
      );
      return 'created';
    } catch (e) {
      if (isConditionFailure(e)) return 'exists';
      throw e;
    }
  }

  async get(campaignId: string, id: string): Promise<Signature | undefined> {
    const item = await this.getItem(campaignId, id);
    return item ? toSignature(item) : undefined;
  }

  async confirm(campaignId: string, id: string, tokenHash: string, now: Date) {
    const nowIso = now.toISOString();
    try {
      const res = await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signature(campaignId, id),
          // The letter joins its mission's dispatch index only once confirmed.
          UpdateExpression: 'SET #status = :confirmed, confirmedAt = :now, gsi1pk = letterIndexPk, gsi1sk = :gsi1sk, usedConfirmTokenHash = :hash REMOVE confirmTokenHash',
          ConditionExpression: '#status = :pending AND confirmTokenHash = :hash AND confirmExpiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':confirmed': 'confirmed',
            ':pending': 'pending',
            ':hash': tokenHash,
            ':now': nowIso,
            ':gsi1sk': keys.letterIndex(campaignId, '', 0, nowIso, id).gsi1sk,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { ok: true as const, signature: toSignature(res.Attributes!) };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const item = await this.getItem(campaignId, id);
      return { ok: false as const, reason: confirmRefusal(item, tokenHash, nowIso) };
    }
  }

  async claimCount(campaignId: string, id: string): Promise<boolean> {
    return this.conditionalSet(campaignId, id, 'SET counted = :true', 'attribute_exists(pk) AND #status = :confirmed AND attribute_not_exists(counted)', {
      ':true': true,
      ':confirmed': 'confirmed',
    });
  }

  async releaseCount(campaignId: string, id: string): Promise<void> {
    await this.conditionalSet(campaignId, id, 'REMOVE counted', 'attribute_exists(pk) AND #status = :confirmed', { ':confirmed': 'confirmed' });
  }

  async claimUncount(campaignId: string, id: string): Promise<boolean> {
    return this.conditionalSet(campaignId, id, 'SET uncount = :claimed', '#status = :removed AND uncount = :pending', { ':claimed': 'claimed', ':pending': 'pending', ':removed': 'removed' });
  }

  async releaseUncount(campaignId: string, id: string): Promise<void> {
    await this.conditionalSet(campaignId, id, 'SET uncount = :pending', '#status = :removed AND uncount = :claimed', { ':claimed': 'claimed', ':pending': 'pending', ':removed': 'removed' });
  }

  async deleteWithdrawn(campaignId: string, id: string): Promise<void> {
    await dynamoClient()
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.signature(campaignId, id),
          // A letter the dispatch already counted as queued keeps its tombstone (no personal data) until
          // the dispatch takes it out of the count (DynamoLetterStore.uncountWithdrawn).
          ConditionExpression: '#status = :removed AND uncount = :claimed AND attribute_not_exists(queuedAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':removed': 'removed', ':claimed': 'claimed' },
        }),
      )
      .catch((e) => {
        if (!isConditionFailure(e)) throw e;
      });
  }

  /** An update that only applies under `condition`; false when the condition did not hold. */
  private async conditionalSet(campaignId: string, id: string, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signature(campaignId, id),
          UpdateExpression: update,
          ConditionExpression: condition,
          ...(condition.includes('#status') ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async renewTokens(campaignId: string, id: string, tokens: { confirmHash: string; removeHash: string; expiresAt: string }, mailedBefore: Date, now: Date): Promise<boolean> {
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signature(campaignId, id),
          UpdateExpression: 'SET confirmTokenHash = :hash, removeTokenHash = :rhash, confirmExpiresAt = :exp, lastMailAt = :now',
          ConditionExpression: '#status = :pending AND lastMailAt < :before',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':hash': tokens.confirmHash,
            ':rhash': tokens.removeHash,
            ':exp': tokens.expiresAt,
            ':now': now.toISOString(),
            ':pending': 'pending',
            ':before': mailedBefore.toISOString(),
          },
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  /** Sets lastMailAt back, so that a confirmation mail that failed to go out can be re-sent at once. */
  async resetLastMail(campaignId: string, id: string, lastMailAt: string): Promise<void> {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.signature(campaignId, id),
        UpdateExpression: 'SET lastMailAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': lastMailAt },
      }),
    ).catch((e) => {
      if (!isConditionFailure(e)) throw e;
    });
  }

  async remove(campaignId: string, id: string, removeTokenHash: string) {
    try {
      const res = await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signature(campaignId, id),
          // Personal data goes at once; the tombstone keeps only what correcting the counts needs.
          UpdateExpression:
            'SET #status = :removed, removedAt = :now, uncount = :pending ' +
            'REMOVE fullName, email, shareEmail, confirmTokenHash, usedConfirmTokenHash, confirmExpiresAt, gsi1pk, gsi1sk, letterIndexPk, lastMailAt',
          // Once dispatch has claimed the letter it is on its way and can no longer be withdrawn.
          ConditionExpression:
            'removeTokenHash = :hash AND (#status = :pending OR #status = :confirmed) AND (attribute_not_exists(deliveryStatus) OR deliveryStatus = :queued)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':hash': removeTokenHash,
            ':queued': 'queued',
            ':removed': 'removed',
            ':pending': 'pending',
            ':confirmed': 'confirmed',
            ':now': new Date().toISOString(),
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { ok: true as const, signature: toSignature(res.Attributes!) };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const item = await this.getItem(campaignId, id);
      // A withdrawal interrupted before its counts were corrected: the same link resumes it.
      if (item?.status === 'removed' && item.removeTokenHash === removeTokenHash && item.uncount === 'pending') return { ok: true as const, signature: toSignature(item) };
      const reason: SignatureChangeRefusal = !item || item.status === 'removed' ? 'not_found' : item.removeTokenHash !== removeTokenHash ? 'token_mismatch' : 'dispatched';
      return { ok: false as const, reason };
    }
  }

  /** Deletes a signature unconditionally (used when its confirmation mail could not be sent). */
  async discard(campaignId: string, id: string): Promise<void> {
    await dynamoClient().send(new DeleteCommand({ TableName: this.tableName, Key: keys.signature(campaignId, id) }));
  }

  private async getItem(campaignId: string, id: string) {
    const res = await dynamoClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.signature(campaignId, id), ConsistentRead: true }),
    );
    return res.Item;
  }
}

function confirmRefusal(item: Record<string, unknown> | undefined, tokenHash: string, nowIso: string): SignatureChangeRefusal {
  if (!item) return 'not_found';
  if (item.status === 'confirmed') return item.usedConfirmTokenHash === tokenHash ? 'already_confirmed' : 'token_mismatch';
  if (item.confirmTokenHash !== tokenHash) return 'token_mismatch';
  if (typeof item.confirmExpiresAt === 'string' && item.confirmExpiresAt <= nowIso) return 'expired';
  return 'token_mismatch';
}

