/**
 * Actions, their photos, co-signers, contact reports and call counts in the single table. An item
 * sits in the moderation queue (gsi1 MODQ#<campaign>) while it waits for an organiser, and in its
 * public list (gsi1 PUBLIC#<campaign>#<kind>) once approved: the two are one index entry, so an item
 * can never be in both, and nothing unapproved is ever read by a public route.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../clients';
import type { Action, CallCounts, Cosigner, MissionReport, ModerationKind, Photo } from '../core/participation';
import { emptyCallCounts } from '../core/participation';
import type { CallOutcome } from '../core/participation-input';
import { CALL_OUTCOMES } from '../core/participation-input';
import { participationKeys as k } from './keys';

const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

/** One entry of the moderation queue, as the organiser tools list it. */
export interface QueueEntry {
  kind: ModerationKind;
  /** The item's key in the queue: "<actionId>" / "<actionId>/<photoId>" / "<cosignerId>" / "<reportId>". */
  ref: string;
  createdAt: string;
  item: Action | Photo | Cosigner | MissionReport;
}

export type ConfirmOutcome = 'confirmed' | 'invalid' | 'expired';

const STRIP = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'ttl', 'itemKind', 'lastMailAt'] as const;
function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const key of STRIP) delete out[key];
  return out as T;
}

export class DynamoParticipationStore {
  constructor(private readonly tableName: string) {}

  // ---- actions and photos

  async createAction(a: Action): Promise<void> {
    await dynamoClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...k.action(a.campaignId, a.id), itemKind: 'action', ...a, lastMailAt: a.createdAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getAction(campaignId: string, id: string): Promise<{ action: Action; photos: Photo[] } | undefined> {
    const items = await this.queryAll({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': k.action(campaignId, id).pk } });
    const head = items.find((i) => i.sk === 'ACTION');
    if (!head) return undefined;
    return { action: strip<Action>(head), photos: items.filter((i) => String(i.sk).startsWith('PHOTO#')).map((i) => strip<Photo>(i)) };
  }

  /** Confirms the contact email: the action joins the moderation queue. */
  async confirmAction(campaignId: string, id: string, tokenHash: string, now: Date): Promise<ConfirmOutcome> {
    return this.confirm(k.action(campaignId, id), 'action', campaignId, tokenHash, now);
  }

  /**
   * Takes one of an action's photo places for the holder of its upload token: at most `max` photos,
   * whatever the number of requests racing.
   */
  async reservePhoto(campaignId: string, actionId: string, uploadTokenHash: string, max: number): Promise<boolean> {
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: k.action(campaignId, actionId),
          UpdateExpression: 'ADD photoCount :one',
          ConditionExpression: 'uploadTokenHash = :h AND photoCount < :max AND #status <> :rejected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':h': uploadTokenHash, ':max': max, ':rejected': 'rejected' },
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async putPhoto(p: Photo): Promise<void> {
    await dynamoClient().send(new PutCommand({ TableName: this.tableName, Item: { ...k.photo(p.campaignId, p.actionId, p.id), itemKind: 'photo', ...p }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async getPhoto(campaignId: string, actionId: string, photoId: string): Promise<Photo | undefined> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: k.photo(campaignId, actionId, photoId), ConsistentRead: true }));
    return res.Item ? strip<Photo>(res.Item) : undefined;
  }

  /** Records the checked, stripped copy: the photo joins the moderation queue. Only from `uploading`. */
  async photoProcessed(p: Pick<Photo, 'campaignId' | 'actionId' | 'id' | 'createdAt'>, result: Required<Pick<Photo, 'type' | 'size' | 'width' | 'height'>>): Promise<boolean> {
    return this.update(
      k.photo(p.campaignId, p.actionId, p.id),
      'SET #status = :pending, #type = :type, #size = :size, width = :w, height = :h, gsi1pk = :q, gsi1sk = :qs',
      '#status = :uploading',
      { '#status': 'status', '#type': 'type', '#size': 'size' },
      { ':pending': 'pending', ':uploading': 'uploading', ':type': result.type, ':size': result.size, ':w': result.width, ':h': result.height, ...queueEntry(p.campaignId, 'photo', p.createdAt, `${p.actionId}/${p.id}`) },
    );
  }

  /** An upload that failed the checks (wrong type, too large): refused, with the reason. */
  async photoRefused(p: Pick<Photo, 'campaignId' | 'actionId' | 'id'>, reason: string, now: Date): Promise<boolean> {
    return this.update(k.photo(p.campaignId, p.actionId, p.id), 'SET #status = :rejected, reason = :r, moderatedAt = :now', '#status = :uploading', { '#status': 'status' }, { ':rejected': 'rejected', ':uploading': 'uploading', ':r': reason, ':now': now.toISOString() });
  }

  /** Approved actions with their approved photos, newest action first. */
  async publicActions(campaignId: string): Promise<{ action: Action; photos: Photo[] }[]> {
    const [actions, photos] = await Promise.all([this.publicItems<Action>(campaignId, 'action'), this.publicItems<Photo>(campaignId, 'photo')]);
    const byAction = new Map<string, Photo[]>();
    for (const p of photos) byAction.set(p.actionId, [...(byAction.get(p.actionId) ?? []), p]);
    return actions.map((action) => ({ action, photos: byAction.get(action.id) ?? [] }));
  }

  // ---- co-signers

  /** 'created', or 'exists' when this email already asked (the answer to the requester is the same). */
  async createCosigner(c: Cosigner): Promise<'created' | 'exists'> {
    try {
      await dynamoClient().send(
        new PutCommand({ TableName: this.tableName, Item: { ...k.cosigner(c.campaignId, c.id), itemKind: 'cosigner', ...c, lastMailAt: c.createdAt }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return 'created';
    } catch (e) {
      if (isConditionFailure(e)) return 'exists';
      throw e;
    }
  }

  async getCosigner(campaignId: string, id: string): Promise<(Cosigner & { lastMailAt?: string }) | undefined> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: k.cosigner(campaignId, id), ConsistentRead: true }));
    return res.Item ? { ...strip<Cosigner>(res.Item), lastMailAt: res.Item.lastMailAt as string | undefined } : undefined;
  }

  /** A fresh confirmation link for a still-unconfirmed co-signer, at most once per `since`. */
  async renewCosignerToken(campaignId: string, id: string, tokenHash: string, expiresAt: string, mailedBefore: Date, now: Date): Promise<boolean> {
    return this.update(
      k.cosigner(campaignId, id),
      'SET confirmTokenHash = :h, confirmExpiresAt = :e, lastMailAt = :now',
      '#status = :unconfirmed AND lastMailAt < :before',
      { '#status': 'status' },
      { ':h': tokenHash, ':e': expiresAt, ':now': now.toISOString(), ':unconfirmed': 'unconfirmed', ':before': mailedBefore.toISOString() },
    );
  }

  async confirmCosigner(campaignId: string, id: string, tokenHash: string, now: Date): Promise<ConfirmOutcome> {
    return this.confirm(k.cosigner(campaignId, id), 'cosigner', campaignId, tokenHash, now);
  }

  /** Approved co-signers, organisations first, each group by name. */
  async publicCosigners(campaignId: string): Promise<Cosigner[]> {
    return this.publicItems<Cosigner>(campaignId, 'cosigner');
  }

  // ---- reports and calls

  async createReport(r: MissionReport): Promise<void> {
    await dynamoClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...k.report(r.campaignId, r.id), itemKind: 'report', ...r, ...queueKeys(r.campaignId, 'report', r.createdAt, r.id) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async addCall(campaignId: string, missionId: string, outcome: CallOutcome): Promise<void> {
    await dynamoClient().send(
      new UpdateCommand({ TableName: this.tableName, Key: k.calls(campaignId, missionId), UpdateExpression: 'ADD #o :one', ExpressionAttributeNames: { '#o': outcome }, ExpressionAttributeValues: { ':one': 1 } }),
    );
  }

  async callCounts(campaignId: string): Promise<Record<string, CallCounts>> {
    const items = await this.queryAll({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': k.callsPartition(campaignId) } });
    const out: Record<string, CallCounts> = {};
    for (const i of items) {
      const counts = emptyCallCounts();
      for (const o of CALL_OUTCOMES) counts[o] = Number(i[o] ?? 0);
      out[String(i.sk).slice('MISSION#'.length)] = counts;
    }
    return out;
  }

  // ---- moderation

  /** The moderation queue, oldest first (optionally one kind). */
  async pending(campaignId: string, kind?: ModerationKind): Promise<QueueEntry[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: kind ? 'gsi1pk = :q AND begins_with(gsi1sk, :kind)' : 'gsi1pk = :q',
      ExpressionAttributeValues: { ':q': k.queue(campaignId), ...(kind ? { ':kind': `${kind}#` } : {}) },
    });
    return items
      .map((i) => {
        const [kindPart, createdAt, ref] = String(i.gsi1sk).split('#') as [ModerationKind, string, string];
        return { kind: kindPart, createdAt, ref, item: strip<Action | Photo | Cosigner | MissionReport>(i) };
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * Decides one pending item: approved items join their public list (reports are simply closed),
   * rejected ones leave every list. False when the item is not pending (decided already, or unknown).
   */
  async decide(campaignId: string, kind: ModerationKind, ref: string, decision: 'approved' | 'rejected', reason: string | undefined, now: Date, sortKey?: string): Promise<boolean> {
    const key = keyOf(campaignId, kind, ref);
    if (!key) return false;
    const publish = decision === 'approved' && kind !== 'report';
    return this.update(
      key,
      publish
        ? 'SET #status = :d, moderatedAt = :now, gsi1pk = :pub, gsi1sk = :ps' + (reason ? ', reason = :r' : '')
        : 'SET #status = :d, moderatedAt = :now' + (reason ? ', reason = :r' : '') + ' REMOVE gsi1pk, gsi1sk',
      '#status = :pending',
      { '#status': 'status' },
      {
        ':d': decision,
        ':now': now.toISOString(),
        ':pending': 'pending',
        ...(reason ? { ':r': reason } : {}),
        ...(publish ? { ':pub': k.publicList(campaignId, kind), ':ps': `${sortKey ?? now.toISOString()}#${ref}` } : {}),
      },
    );
  }

  /** Reads one queue item by its kind and ref. */
  async item(campaignId: string, kind: ModerationKind, ref: string): Promise<Record<string, unknown> | undefined> {
    const key = keyOf(campaignId, kind, ref);
    if (!key) return undefined;
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return res.Item ? strip<Record<string, unknown>>(res.Item) : undefined;
  }

  // ---- shared

  private async confirm(key: { pk: string; sk: string }, kind: ModerationKind, campaignId: string, tokenHash: string, now: Date): Promise<ConfirmOutcome> {
    const res = await dynamoClient().send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    const item = res.Item;
    if (!item || item.status !== 'unconfirmed' || item.confirmTokenHash !== tokenHash) return 'invalid';
    if (String(item.confirmExpiresAt) <= now.toISOString()) return 'expired';
    const ref = kind === 'action' ? String(item.id) : String(item.id);
    const ok = await this.update(
      key,
      'SET #status = :pending, confirmedAt = :now, gsi1pk = :q, gsi1sk = :qs REMOVE confirmTokenHash',
      '#status = :unconfirmed AND confirmTokenHash = :h',
      { '#status': 'status' },
      { ':pending': 'pending', ':unconfirmed': 'unconfirmed', ':h': tokenHash, ':now': now.toISOString(), ...queueEntry(campaignId, kind, String(item.createdAt), ref) },
    );
    return ok ? 'confirmed' : 'invalid';
  }

  private async publicItems<T>(campaignId: string, kind: ModerationKind): Promise<T[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.publicList(campaignId, kind) },
      ScanIndexForward: false,
    });
    return items.map((i) => strip<T>(i));
  }

  private async update(key: Record<string, unknown>, expression: string, condition: string, names: Record<string, string>, values: Record<string, unknown>): Promise<boolean> {
    const used = Object.fromEntries(Object.entries(names).filter(([n]) => expression.includes(n) || condition.includes(n)));
    try {
      await dynamoClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: condition,
          ...(Object.keys(used).length ? { ExpressionAttributeNames: used } : {}),
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const res = await dynamoClient().send(new QueryCommand({ ...input, ExclusiveStartKey }));
      out.push(...(res.Items ?? []));
      ExclusiveStartKey = res.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  }
}

function queueKeys(campaignId: string, kind: ModerationKind, createdAt: string, ref: string) {
  return { gsi1pk: k.queue(campaignId), gsi1sk: `${kind}#${createdAt}#${ref}` };
}

/** The queue entry as expression values (":q", ":qs"). */
function queueEntry(campaignId: string, kind: ModerationKind, createdAt: string, ref: string) {
  const e = queueKeys(campaignId, kind, createdAt, ref);
  return { ':q': e.gsi1pk, ':qs': e.gsi1sk };
}

function keyOf(campaignId: string, kind: ModerationKind, ref: string): { pk: string; sk: string } | undefined {
  if (!/^[A-Za-z0-9]+(\/[A-Za-z0-9]+)?$/.test(ref)) return undefined;
  const [a, b] = ref.split('/') as [string, string | undefined];
  if (kind === 'photo') return b ? k.photo(campaignId, a, b) : undefined;
  if (b) return undefined;
  return kind === 'action' ? k.action(campaignId, a) : kind === 'cosigner' ? k.cosigner(campaignId, a) : k.report(campaignId, a);
}
