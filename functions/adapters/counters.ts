/**
 * Sharded counters. Each confirmation ADDs to one of N shard items chosen at random, so at 10,000
 * signatures/s and N = 64 no key takes more than ~160 writes/s; a read sums the shards (one BatchGet).
 */
import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CountDelta, Counters, CountSnapshot } from '../core/ports';
import { dynamoClient } from '../clients';
import { keys } from './keys';

const MISSION_PREFIX = 'm_';
const COUNTRY_PREFIX = 'c_';

/** DynamoDB implementation of the Counters port. */
export class ShardedCounters implements Counters {
  constructor(
    private readonly tableName: string,
    private readonly shards: number,
  ) {}

  async add(campaignId: string, delta: CountDelta): Promise<void> {
    const shard = Math.floor(Math.random() * this.shards);
    const removed = delta.removed ? ', removed :r' : '';
    await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.counterShard(campaignId, shard),
        UpdateExpression: `ADD confirmed :d, #m :d, #c :d${removed}`,
        ExpressionAttributeNames: { '#m': MISSION_PREFIX + delta.missionId, '#c': COUNTRY_PREFIX + delta.country },
        ExpressionAttributeValues: { ':d': delta.confirmed, ...(delta.removed ? { ':r': delta.removed } : {}) },
      }),
    );
  }

  async read(campaignId: string): Promise<CountSnapshot> {
    const snapshot: CountSnapshot = { confirmed: 0, byMission: {}, byCountry: {} };
    const allKeys = Array.from({ length: this.shards }, (_, i) => keys.counterShard(campaignId, i));
    for (let i = 0; i < allKeys.length; i += 100) {
      let pending: Record<string, unknown>[] = allKeys.slice(i, i + 100);
      for (let attempt = 0; pending.length > 0; attempt++) {
        const res = await dynamoClient().send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }));
        for (const item of res.Responses?.[this.tableName] ?? []) addShard(snapshot, item);
        pending = res.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(500, 25 * 2 ** attempt)));
      }
    }
    return snapshot;
  }
}

function addShard(into: CountSnapshot, item: Record<string, unknown>) {
  for (const [name, value] of Object.entries(item)) {
    if (typeof value !== 'number') continue;
    if (name === 'confirmed') into.confirmed += value;
    else if (name === 'removed') into.removed = (into.removed ?? 0) + value;
    else if (name.startsWith(MISSION_PREFIX)) bump(into.byMission, name.slice(MISSION_PREFIX.length), value);
    else if (name.startsWith(COUNTRY_PREFIX)) bump(into.byCountry, name.slice(COUNTRY_PREFIX.length), value);
  }
}

function bump(map: Record<string, number>, key: string, value: number) {
  const next = (map[key] ?? 0) + value;
  if (next === 0) delete map[key];
  else map[key] = next;
}
