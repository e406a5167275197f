/**
 * Reading many items for the organiser tools: the whole table page by page, in parallel segments,
 * without ever holding more than one page per segment in memory.
 */
import { BatchWriteCommand, DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Signature } from '../core/signature';
import { dynamoClient } from '../clients';
import { keys } from './keys';
import { toSignature } from './signature-store';

export interface ScanOptions {
  /** Parallel scan segments (DynamoDB's parallel scan). Default 4. */
  segments?: number;
  /** Items per page. Default 500. */
  pageSize?: number;
  /** Called with the number of items read so far (for progress bars). */
  onItems?: (n: number) => void;
}

type Item = Record<string, unknown>;

/** Every item whose pk starts with `prefix` (all items for ''), one page at a time; segments are read concurrently. */
export async function* scanPrefix(tableName: string, prefix: string, options: ScanOptions = {}): AsyncGenerator<Item[]> {
  const segments = options.segments ?? 4;
  const cursors: (Record<string, unknown> | undefined | null)[] = Array.from({ length: segments }, () => undefined);
  const fetchPage = async (segment: number) => {
    const res = await dynamoClient().send(
      new ScanCommand({
        TableName: tableName,
        Segment: segment,
        TotalSegments: segments,
        Limit: options.pageSize ?? 500,
        ...(prefix ? { FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': prefix } } : {}),
        ...(cursors[segment] ? { ExclusiveStartKey: cursors[segment]! } : {}),
      }),
    );
    cursors[segment] = res.LastEvaluatedKey ?? null;
    return { segment, items: (res.Items ?? []) as Item[] };
  };
  const inFlight = new Map<number, Promise<{ segment: number; items: Item[] }>>();
  for (let s = 0; s < segments; s++) inFlight.set(s, fetchPage(s));
  while (inFlight.size > 0) {
    const { segment, items } = await Promise.race(inFlight.values());
    inFlight.delete(segment);
    // The next page of this segment is fetched only when the consumer asks for more (back-pressure).
    if (items.length) {
      options.onItems?.(items.length);
      yield items;
    }
    if (cursors[segment] !== null) inFlight.set(segment, fetchPage(segment));
  }
}

/** Every signature of a campaign (pending and confirmed), a page at a time. */
export async function* scanSignatures(tableName: string, campaignId: string, options: ScanOptions = {}): AsyncGenerator<Signature[]> {
  for await (const items of scanPrefix(tableName, `SIG#${campaignId}#`, options)) yield items.map(toSignature);
}

/**
 * Purges one signature after the campaign: an unconfirmed one is deleted; a confirmed one keeps only
 * the public record (name as the signer agreed to show it, country, mission, delivery status).
 */
export async function purgeSignature(tableName: string, signature: Signature, publicName: string | undefined, nowIso: string): Promise<'deleted' | 'kept' | 'gone'> {
  const key = keys.signature(signature.campaignId, signature.id);
  try {
    if (signature.status !== 'confirmed') {
      await dynamoClient().send(new DeleteCommand({ TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' }));
      return 'deleted';
    }
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression:
          'SET purgedAt = :now' +
          (publicName ? ', fullName = :name' : '') +
          ' REMOVE email, shareEmail, confirmTokenHash, removeTokenHash, usedConfirmTokenHash, confirmExpiresAt, lastMailAt, leaseUntil' +
          (publicName ? '' : ', fullName'),
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': nowIso, ...(publicName ? { ':name': publicName } : {}) },
      }),
    );
    return 'kept';
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException || (e as { name?: string }).name === 'ConditionalCheckFailedException') return 'gone';
    throw e;
  }
}

/** Removes the named attributes from an item (any kind), e.g. a contact email on a moderated item. */
export async function removeAttributes(tableName: string, key: { pk: string; sk: string }, attributes: string[]): Promise<void> {
  if (!attributes.length) return;
  const names = Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a]));
  await dynamoClient().send(
    new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: `REMOVE ${Object.keys(names).join(', ')}`, ExpressionAttributeNames: names }),
  );
}

/** Deletes items by key, 25 per request, retrying unprocessed ones. */
export async function deleteItems(tableName: string, itemKeys: { pk: string; sk: string }[]): Promise<void> {
  for (let i = 0; i < itemKeys.length; i += 25) {
    let requests = itemKeys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      const res = await dynamoClient().send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (res.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      if (requests.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
}
