/**
 * The organisers' decisions on what participants submitted. Approving publishes (a photo's stripped
 * copy is copied to the public photos/ prefix first, so a listed photo always exists); rejecting keeps
 * the reason for the organisers and removes anything stored for publication. A report is closed either
 * way: it never changes mission data by itself (correct the data with `missions import`).
 */
import type { Clock, PhotoStorage } from '../core/ports';
import { photoKeys, type Action, type ModerationKind, type Photo } from '../core/participation';
import type { DynamoParticipationStore, QueueEntry } from '../adapters/participation-store';
import { log } from '../logger';

export interface ModerationDeps {
  campaignId: string;
  store: DynamoParticipationStore;
  photos: PhotoStorage;
  clock: Clock;
}

export type Decision = 'approved' | 'rejected';

export async function moderationQueue(deps: ModerationDeps, kind?: ModerationKind): Promise<QueueEntry[]> {
  return deps.store.pending(deps.campaignId, kind);
}

/** Decides one item; false when it is not waiting for a decision (decided already, or unknown). */
export async function decide(deps: ModerationDeps, kind: ModerationKind, ref: string, decision: Decision, reason?: string): Promise<boolean> {
  const now = deps.clock.now();
  const item = await deps.store.item(deps.campaignId, kind, ref);
  if (!item || item.status !== 'pending') return false;
  if (kind === 'photo') {
    const photo = item as unknown as Photo;
    const processed = photoKeys.processed(photo.campaignId, photo.actionId, photo.id);
    if (decision === 'approved') {
      const published = photoKeys.published(photo.campaignId, photo.actionId, photo.id, photo.type!);
      await deps.photos.copy(processed, published);
      const ok = await deps.store.decide(deps.campaignId, kind, ref, decision, reason, now, photo.createdAt);
      if (!ok) await deps.photos.delete(published);
      log.info('moderation.decided', { campaignId: deps.campaignId, kind, ref, decision });
      return ok;
    }
    const ok = await deps.store.decide(deps.campaignId, kind, ref, decision, reason, now);
    if (ok) await deps.photos.delete(processed);
    log.info('moderation.decided', { campaignId: deps.campaignId, kind, ref, decision });
    return ok;
  }
  const sortKey = kind === 'action' ? (item as unknown as Action).startsAt : String(item.createdAt);
  const ok = await deps.store.decide(deps.campaignId, kind, ref, decision, reason, now, sortKey);
  if (ok && kind === 'action' && decision === 'rejected') {
    // A refused action's photos are refused with it.
    const found = await deps.store.getAction(deps.campaignId, ref);
    for (const p of found?.photos.filter((x) => x.status === 'pending') ?? []) await decide(deps, 'photo', `${ref}/${p.id}`, 'rejected', 'the action was not approved');
  }
  log.info('moderation.decided', { campaignId: deps.campaignId, kind, ref, decision });
  return ok;
}
