/**
 * A letter's delivery, on its signature item: queued -> sending (claimed with a lease) -> sent | failed,
 * or no_address. Every step is a conditional write, so two workers never send the same letter, and a
 * worker that dies mid-send leaves a lease that expires rather than a lost letter.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Signature } from '../core/signature';
import { dynamoClient } from '../clients';
import { keys, LETTER_INDEX_SHARDS } from './keys';
import { toSignature } from './signature-store';

const conditionFailed = (e: unknown) => e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

export type ClaimResult = { claimed: true; signature: Signature } | { claimed: false; reason: 'done' | 'busy' | 'gone' };

export class DynamoLetterStore {
  constructor(private readonly tableName: string) {}

  private async update(campaignId: string, id: string, update: string, condition: string, values: Record<string, unknown>, returnValues?: 'ALL_NEW' | 'ALL_OLD') {
    try {
      const res = await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signature(campaignId, id),
          UpdateExpression: update,
          ConditionExpression: condition,
          // DynamoDB refuses names an expression does not use.
          ExpressionAttributeNames: Object.fromEntries(
            Object.entries({ '#status': 'status', '#ds': 'deliveryStatus' }).filter(([k]) => update.includes(k) || condition.includes(k)),
          ),
          ExpressionAttributeValues: values,
          ...(returnValues ? { ReturnValues: returnValues } : {}),
        }),
      );
      return { ok: true as const, item: res.Attributes };
    } catch (e) {
      if (conditionFailed(e)) return { ok: false as const };
      throw e;
    }
  }

  /** One page of a mission's letter-index shard; the cursor is the opaque LastEvaluatedKey. */
  private async queryIndex(campaignId: string, missionId: string, shard: number, limit: number, cursor: string | undefined, projection?: string) {
    const res = await dynamoClient().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.letterIndexPartition(campaignId, missionId, shard) },
        ...(projection ? { ProjectionExpression: projection, ...(projection.includes('#status') ? { ExpressionAttributeNames: { '#status': 'status' } } : {}) } : {}),
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown> } : {}),
      }),
    );
    return { items: res.Items ?? [], cursor: res.LastEvaluatedKey ? Buffer.from(JSON.stringify(res.LastEvaluatedKey)).toString('base64url') : undefined };
  }

  /** Confirmed letters of one mission's index shard, a page at a time (ids only). */
  async page(campaignId: string, missionId: string, shard: number, limit: number, cursor?: string): Promise<{ ids: string[]; cursor?: string }> {
    const page = await this.queryIndex(campaignId, missionId, shard, limit, cursor, 'pk');
    return { ids: page.items.map((i) => String(i.pk).split('#').pop()!), cursor: page.cursor };
  }

  /**
   * Counts a confirmed letter as queued, once (queuedAt): true the first time. A worker may already
   * have claimed it (its message went out first); that does not stop it counting as queued.
   */
  async markQueued(campaignId: string, id: string, now = new Date()): Promise<boolean> {
    return (
      await this.update(
        campaignId,
        id,
        'SET queuedAt = :now, #ds = if_not_exists(#ds, :queued)',
        '#status = :confirmed AND attribute_not_exists(queuedAt) AND (attribute_not_exists(#ds) OR #ds <> :na)',
        { ':queued': 'queued', ':confirmed': 'confirmed', ':na': 'no_address', ':now': now.toISOString() },
      )
    ).ok;
  }

  /** A letter withdrawn after it was counted as queued leaves the count, once: true if it was counted. */
  async uncountWithdrawn(campaignId: string, id: string): Promise<boolean> {
    return (await this.update(campaignId, id, 'REMOVE queuedAt', 'attribute_exists(queuedAt) AND #status <> :confirmed', { ':confirmed': 'confirmed' })).ok;
  }

  /**
   * Marks a confirmed letter for in-person delivery (its mission has no working address), once.
   * Says whether it was counted as queued before (its mission's address failed after enumeration).
   */
  async markNoAddress(campaignId: string, id: string): Promise<false | 'fresh' | 'was_queued'> {
    const res = await this.update(
      campaignId,
      id,
      'SET #ds = :na REMOVE queuedAt',
      '#status = :confirmed AND (attribute_not_exists(#ds) OR #ds = :queued)',
      { ':na': 'no_address', ':queued': 'queued', ':confirmed': 'confirmed' },
      'ALL_OLD',
    );
    if (!res.ok) return false;
    return res.item?.queuedAt ? 'was_queued' : 'fresh';
  }

  /** The delivery state of every confirmed letter of a mission, across its index shards (for a recount). */
  async deliveryStates(campaignId: string, missionId: string): Promise<(string | undefined)[]> {
    const shards = await Promise.all(
      Array.from({ length: LETTER_INDEX_SHARDS }, async (_, shard) => {
        const states: (string | undefined)[] = [];
        let cursor: string | undefined;
        do {
          const page = await this.queryIndex(campaignId, missionId, shard, 1000, cursor, 'deliveryStatus, #status');
          for (const i of page.items) if (i.status === 'confirmed') states.push(i.deliveryStatus === undefined ? undefined : String(i.deliveryStatus));
          cursor = page.cursor;
        } while (cursor);
        return states;
      }),
    );
    return shards.flat();
  }

  /** Confirmed letters of one mission's index shard with their content, a page at a time (dossier mode, letter packs). */
  async pageSignatures(campaignId: string, missionId: string, shard: number, limit: number, cursor?: string): Promise<{ signatures: Signature[]; cursor?: string }> {
    const page = await this.queryIndex(campaignId, missionId, shard, limit, cursor);
    return { signatures: page.items.map((i) => toSignature(i)), cursor: page.cursor };
  }

  /** Marks a letter of a dossier (its mission's one mail) sent or failed; idempotent. */
  async markDossier(campaignId: string, id: string, status: 'sent' | 'failed', messageIdOrReason: string, now: Date): Promise<boolean> {
    return status === 'sent'
      ? (await this.update(campaignId, id, 'SET #ds = :sent, sesMessageId = :m, sentAt = :now', '#status = :confirmed AND (attribute_not_exists(#ds) OR #ds = :queued)', { ':sent': 'sent', ':m': messageIdOrReason, ':now': now.toISOString(), ':confirmed': 'confirmed', ':queued': 'queued' })).ok
      : (await this.update(campaignId, id, 'SET #ds = :failed, failureReason = :r', '#status = :confirmed AND (attribute_not_exists(#ds) OR #ds = :queued)', { ':failed': 'failed', ':r': messageIdOrReason.slice(0, 500), ':confirmed': 'confirmed', ':queued': 'queued' })).ok;
  }

  /** Claims a letter for sending until `now + leaseMs`: queued (or not yet marked), or sending with an expired lease. */
  async claim(campaignId: string, id: string, now: Date, leaseMs: number): Promise<ClaimResult> {
    const res = await this.update(
      campaignId,
      id,
      'SET #ds = :sending, leaseUntil = :until, attempts = if_not_exists(attempts, :zero) + :one',
      '#status = :confirmed AND (attribute_not_exists(#ds) OR #ds = :queued OR (#ds = :sending AND leaseUntil < :now))',
      { ':sending': 'sending', ':queued': 'queued', ':confirmed': 'confirmed', ':until': new Date(now.getTime() + leaseMs).toISOString(), ':now': now.toISOString(), ':zero': 0, ':one': 1 },
      'ALL_NEW',
    );
    if (res.ok) return { claimed: true, signature: toSignature(res.item!) };
    const item = (await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: keys.signature(campaignId, id), ConsistentRead: true }))).Item;
    if (!item || item.status !== 'confirmed') return { claimed: false, reason: 'gone' };
    return { claimed: false, reason: item.deliveryStatus === 'sending' ? 'busy' : 'done' };
  }

  /** Records SES's acceptance; the letter is sent. */
  async recordSent(campaignId: string, id: string, messageId: string, now: Date): Promise<boolean> {
    return (await this.update(campaignId, id, 'SET #ds = :sent, sesMessageId = :m, sentAt = :now REMOVE leaseUntil', '#ds = :sending', { ':sent': 'sent', ':sending': 'sending', ':m': messageId, ':now': now.toISOString() })).ok;
  }

  /** Records a permanent failure with its reason. */
  async recordFailed(campaignId: string, id: string, reason: string): Promise<boolean> {
    return (await this.update(campaignId, id, 'SET #ds = :failed, failureReason = :r REMOVE leaseUntil', '#ds = :sending', { ':failed': 'failed', ':sending': 'sending', ':r': reason.slice(0, 500) })).ok;
  }

  /** Gives a claim back (throttled, or a passing failure): the letter is queued again. */
  async release(campaignId: string, id: string): Promise<void> {
    await this.update(campaignId, id, 'SET #ds = :queued REMOVE leaseUntil', '#ds = :sending', { ':queued': 'queued', ':sending': 'sending' });
  }

  /** Claims the after-dispatch note to the signer (once). */
  async claimNotification(campaignId: string, id: string, now: Date): Promise<boolean> {
    return (await this.update(campaignId, id, 'SET notifiedAt = :now', '#ds = :sent AND attribute_not_exists(notifiedAt)', { ':sent': 'sent', ':now': now.toISOString() })).ok;
  }
}
