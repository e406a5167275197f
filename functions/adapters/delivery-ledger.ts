/**
 * The public delivery ledger: per mission, letters queued / sent / delivered / bounced / complained /
 * failed / for in-person delivery. Sharded like the signature counters, so thousands of sends a second
 * never meet on one key; a read sums the shards (one BatchGet).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { emptyLedger, LEDGER_FIELDS, type LedgerField, type MissionLedger } from '../core/dispatch';
import { coalescing } from '../core/coalesce';
import { dynamoClient } from '../clients';
import { createHash } from 'node:crypto';
import { dispatchKeys } from './keys';

export const LEDGER_SHARDS = 16;

const conditionFailed = (e: unknown) => e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

export interface LedgerSnapshot {
  missions: Record<string, MissionLedger>;
  /** Enumeration and dossier tasks of the current run not yet finished. */
  enumerationsPending: number;
  /** The current run (absent before the dispatch started). */
  run?: string;
  startedAt?: string;
}

export class DynamoDeliveryLedger {
  constructor(private readonly tableName: string) {}

  /**
   * Adds to a mission's figure. Adds made while an earlier one is being written share the next write
   * (one UpdateItem, several attributes), so a busy worker makes a few ledger writes per batch, not one
   * per letter; each call still resolves only once its own add is stored.
   */
  add(campaignId: string, missionId: string, field: LedgerField, n = 1): Promise<void> {
    if (n === 0) return Promise.resolve();
    return this.enqueue({ campaignId, attribute: `${missionId}|${field}`, n });
  }

  private readonly enqueue = coalescing<{ campaignId: string; attribute: string; n: number }>(async (items) => {
    const byCampaign = new Map<string, Map<string, number>>();
    for (const i of items) {
      const sums = byCampaign.get(i.campaignId) ?? new Map<string, number>();
      sums.set(i.attribute, (sums.get(i.attribute) ?? 0) + i.n);
      byCampaign.set(i.campaignId, sums);
    }
    await Promise.all(
      [...byCampaign].map(async ([campaignId, sums]) => {
        const entries = [...sums].filter(([, n]) => n !== 0);
        if (!entries.length) return;
        await dynamoClient().send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: dispatchKeys.ledgerShard(campaignId, Math.floor(Math.random() * LEDGER_SHARDS)),
            UpdateExpression: `ADD ${entries.map((_, i) => `#f${i} :n${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(entries.map(([a], i) => [`#f${i}`, a])),
            ExpressionAttributeValues: Object.fromEntries(entries.map(([, n], i) => [`:n${i}`, n])),
          }),
        );
      }),
    );
    return items.map(() => undefined);
  });

  /**
   * Starts a run of the dispatch's tasks (enumerations and dossiers): `tasks` are pending. A resumed
   * dispatch starts a new run; tasks of an earlier run then no longer count.
   */
  async startRun(campaignId: string, run: string, tasks: number): Promise<void> {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: dispatchKeys.enumerations(campaignId),
        UpdateExpression: 'SET pending = :n, #run = :run, startedAt = :now, watchSeq = :zero',
        ExpressionAttributeNames: { '#run': 'run' },
        ExpressionAttributeValues: { ':n': tasks, ':run': run, ':now': new Date().toISOString(), ':zero': 0 },
      }),
    );
  }

  /**
   * The completion check is one chain of watch messages per run. A watch continues the chain only if
   * it is the current link (this run, this sequence number): a redelivered or stale watch ends there,
   * so chains never multiply however often the queue redelivers.
   */
  async isCurrentWatch(campaignId: string, run: string, seq: number): Promise<boolean> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: dispatchKeys.enumerations(campaignId), ConsistentRead: true }));
    return res.Item?.run === run && Number(res.Item?.watchSeq ?? 0) === seq;
  }

  /** Moves the chain to its next link; false when another copy of this link moved it already. */
  async advanceWatch(campaignId: string, run: string, seq: number): Promise<boolean> {
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: dispatchKeys.enumerations(campaignId),
          UpdateExpression: 'SET watchSeq = :next',
          ConditionExpression: '#run = :run AND watchSeq = :seq',
          ExpressionAttributeNames: { '#run': 'run' },
          ExpressionAttributeValues: { ':run': run, ':seq': seq, ':next': seq + 1 },
        }),
      );
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }

  /** Whether an enumeration step of `run` (one page of one shard) has been done completely. */
  async stepDone(campaignId: string, run: string, step: string): Promise<boolean> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: dispatchKeys.stepDone(campaignId, run, stepHash(step)), ConsistentRead: true }));
    return Boolean(res.Item);
  }

  /** Records an enumeration step done (after its messages were enqueued); idempotent. */
  async markStep(campaignId: string, run: string, step: string): Promise<void> {
    try {
      await dynamoClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...dispatchKeys.stepDone(campaignId, run, stepHash(step)), ttl: Math.floor(Date.now() / 1000) + 30 * 86400 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (e) {
      if (!conditionFailed(e)) throw e;
    }
  }

  /** Counts a task of `run` finished, once however often it is reported (a redelivered message). */
  async finishTask(campaignId: string, run: string, task: string): Promise<void> {
    try {
      await dynamoClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...dispatchKeys.taskDone(campaignId, run, task), ttl: Math.floor(Date.now() / 1000) + 30 * 86400 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (e) {
      if (conditionFailed(e)) return;
      throw e;
    }
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: dispatchKeys.enumerations(campaignId),
          UpdateExpression: 'ADD pending :minus',
          ConditionExpression: '#run = :run',
          ExpressionAttributeNames: { '#run': 'run' },
          ExpressionAttributeValues: { ':minus': -1, ':run': run },
        }),
      );
    } catch (e) {
      if (!conditionFailed(e)) throw e; // a task of an earlier run: no longer counted
    }
  }

  async read(campaignId: string): Promise<LedgerSnapshot> {
    const missions: Record<string, MissionLedger> = {};
    let pending: Record<string, unknown>[] = Array.from({ length: LEDGER_SHARDS }, (_, i) => dispatchKeys.ledgerShard(campaignId, i));
    for (let attempt = 0; pending.length; attempt++) {
      const res = await dynamoClient().send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of res.Responses?.[this.tableName] ?? []) {
        for (const [name, value] of Object.entries(item)) {
          const [missionId, field] = name.split('|');
          if (!missionId || !field || typeof value !== 'number' || !(LEDGER_FIELDS as readonly string[]).includes(field)) continue;
          (missions[missionId] ??= emptyLedger())[field as LedgerField] += value;
        }
      }
      pending = res.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, Math.min(500, 25 * 2 ** attempt)));
    }
    const enumRes = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: dispatchKeys.enumerations(campaignId), ConsistentRead: true }));
    const item = enumRes.Item;
    return { missions, enumerationsPending: Number(item?.pending ?? 0), ...(item?.run ? { run: String(item.run), startedAt: String(item.startedAt ?? '') } : {}) };
  }
}

/** A step (task, shard and paging cursor) as a short key. */
function stepHash(step: string): string {
  return createHash('sha256').update(step).digest('base64url').slice(0, 22);
}
