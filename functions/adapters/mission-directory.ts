/** Missions in the table (one partition, ~240 items: one Query page), cached briefly per process. */
import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { deleteItems } from './table-scan';
import type { EmailStatus, Mission } from '../core/mission';
import type { MissionDirectory } from '../core/ports';
import { dynamoClient } from '../clients';
import { keys } from './keys';

type MissionItem = Mission & { pk: string; sk: string };

function toMission(item: Record<string, unknown>): Mission {
  const { pk: _pk, sk: _sk, ...rest } = item as unknown as MissionItem;
  return rest;
}

/** DynamoDB-backed missions directory with a short in-memory cache (missions change rarely). */
export class DynamoMissionDirectory implements MissionDirectory {
  private cache?: { at: number; missions: Mission[]; byId: Map<string, Mission> };

  constructor(
    private readonly tableName: string,
    private readonly cacheMs = 60_000,
  ) {}

  async list(): Promise<Mission[]> {
    return (await this.load()).missions;
  }

  async get(id: string): Promise<Mission | undefined> {
    return (await this.load()).byId.get(id);
  }

  /** Reads one mission straight from the table, bypassing the cache. */
  async getFresh(id: string): Promise<Mission | undefined> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: keys.mission(id) }));
    return res.Item ? toMission(res.Item) : undefined;
  }

  /** Writes missions (insert or replace), 25 per request, retrying unprocessed items. */
  async putAll(missions: Mission[]): Promise<void> {
    for (let i = 0; i < missions.length; i += 25) {
      let requests = missions.slice(i, i + 25).map((m) => ({ PutRequest: { Item: { ...keys.mission(m.id), ...m } } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        const res = await dynamoClient().send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (res.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        if (requests.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
    this.cache = undefined;
  }

  /** Records what deliveries taught us about a mission's address (failing after a bounce or complaint). */
  async setEmailStatus(id: string, status: EmailStatus, reason: string): Promise<void> {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.mission(id),
        UpdateExpression: 'SET emailStatus = :s, emailStatusReason = :r, emailStatusAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':s': status, ':r': reason.slice(0, 300), ':now': new Date().toISOString() },
      }),
    );
    this.cache = undefined;
  }

  /** Deletes missions by id (an organiser's import; refused upstream for missions with letters). */
  async removeAll(ids: string[]): Promise<void> {
    await deleteItems(this.tableName, ids.map((id) => keys.mission(id)));
    this.cache = undefined;
  }

  /** Drops the cache so the next read sees the table. */
  invalidate(): void {
    this.cache = undefined;
  }

  private async load() {
    if (this.cache && Date.now() - this.cache.at < this.cacheMs) return this.cache;
    const missions: Mission[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const res = await dynamoClient().send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.missionsPartition() },
          ExclusiveStartKey,
        }),
      );
      for (const item of res.Items ?? []) missions.push(toMission(item));
      ExclusiveStartKey = res.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    this.cache = { at: Date.now(), missions, byId: new Map(missions.map((m) => [m.id, m])) };
    return this.cache;
  }
}
