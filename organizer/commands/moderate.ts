/**
 * Moderation from the command line: the queue of actions, photos, co-signers and contact reports
 * waiting for an organiser, decided one by one interactively, or with flags for scripts.
 */
import { S3PhotoStorage } from '../../functions/adapters/s3-photo-storage';
import { DynamoParticipationStore, type QueueEntry } from '../../functions/adapters/participation-store';
import { MODERATION_KINDS, photoKeys, type Action, type Cosigner, type MissionReport, type ModerationKind, type Photo } from '../../functions/core/participation';
import { systemClock } from '../../functions/core/ports';
import { decide, moderationQueue, type Decision, type ModerationDeps } from '../../functions/use-cases/moderate';
import type { OrganizerContext } from '../context';
import { CommandFailed } from './missions';

function deps(ctx: OrganizerContext): ModerationDeps {
  return {
    campaignId: ctx.campaign.id,
    store: new DynamoParticipationStore(ctx.target.tableName),
    photos: new S3PhotoStorage(() => {
      const bucket = ctx.target.photoBucket ?? process.env.PHOTO_BUCKET;
      if (!bucket) throw new CommandFailed('No photo bucket known: deploy the current stack (output PhotoBucketName) or set PHOTO_BUCKET.');
      return bucket;
    }),
    clock: systemClock,
  };
}

const one = (s: string, max = 160) => s.replace(/\s+/g, ' ').slice(0, max);

/** How long a photo's preview link works. */
const PREVIEW_SECONDS = 3600;

/** A link to look at a photo before deciding on it (its checked copy, metadata already removed). */
async function previewOf(d: ModerationDeps, e: QueueEntry): Promise<string | undefined> {
  if (e.kind !== 'photo') return undefined;
  const p = e.item as Photo;
  return d.photos.presignGet(photoKeys.processed(p.campaignId, p.actionId, p.id), PREVIEW_SECONDS);
}

/** One queue entry in a few lines, for a person deciding on it. */
export function describeEntry(e: QueueEntry, missionName: (id: string) => string, preview?: string): string[] {
  const head = `[${e.kind}] ${e.ref}  (received ${e.createdAt.slice(0, 16).replace('T', ' ')})`;
  switch (e.kind) {
    case 'action': {
      const a = e.item as Action;
      return [head, `  ${one(a.organisation)} at ${missionName(a.missionId)}, ${a.startsAt}`, `  ${one(a.description, 400)}`, `  contact: ${a.email}; photos requested: ${a.photoCount}`];
    }
    case 'photo': {
      const p = e.item as Photo;
      return [head, `  photo of action ${p.actionId}: ${p.type} ${p.width}x${p.height}, ${Math.round((p.size ?? 0) / 1024)} KB (metadata removed)`, ...(preview ? [`  preview (link valid ${PREVIEW_SECONDS / 3600} h): ${preview}`] : [])];
    }
    case 'cosigner': {
      const c = e.item as Cosigner;
      return [head, `  ${c.kind}: ${one(c.name)} (${c.country})${c.website ? ` ${c.website}` : ''}, shown as: ${c.display}`, `  contact: ${c.email}`];
    }
    case 'report': {
      const r = e.item as MissionReport;
      return [head, `  about ${missionName(r.missionId)}: ${one(r.message, 400)}`, ...(r.email ? [`  reply to: ${r.email}`] : [])];
    }
  }
}

export async function moderateList(ctx: OrganizerContext, opts: { kind?: ModerationKind; json?: boolean }) {
  const d = deps(ctx);
  const queue = await moderationQueue(d, opts.kind);
  if (opts.json) return ctx.io.out(JSON.stringify(queue, null, 2));
  const missions = new Map((await ctx.missions.list()).map((m) => [m.id, m.name]));
  const name = (id: string) => missions.get(id) ?? id;
  if (queue.length === 0) return ctx.io.out('Nothing waits for moderation.');
  const byKind = MODERATION_KINDS.map((k) => `${queue.filter((e) => e.kind === k).length} ${k}(s)`).join(', ');
  ctx.io.out(`${queue.length} item(s) wait for moderation: ${byKind}.`);
  for (const e of queue) for (const line of describeEntry(e, name, await previewOf(d, e))) ctx.io.out(line);
}

export async function moderateDecide(ctx: OrganizerContext, decision: Decision, kind: string, ref: string, opts: { reason?: string }) {
  if (!(MODERATION_KINDS as readonly string[]).includes(kind)) throw new CommandFailed(`"${kind}" is not a kind of item: ${MODERATION_KINDS.join(', ')}.`);
  if (decision === 'rejected' && !opts.reason) throw new CommandFailed('Say why with --reason "...": the reason is kept for the other organisers.');
  const ok = await decide(deps(ctx), kind as ModerationKind, ref, decision, opts.reason);
  if (!ok) throw new CommandFailed(`No ${kind} "${ref}" waits for moderation (already decided, or not confirmed yet).`);
  ctx.io.out(`${decision === 'approved' ? 'Approved' : 'Rejected'} ${kind} ${ref}${decision === 'approved' && kind !== 'report' ? ': it is public now' : ''}.`);
}

/** Walks through the queue asking approve / reject / skip for each item. */
export async function moderateInteractive(ctx: OrganizerContext, opts: { kind?: ModerationKind }) {
  const { io } = ctx;
  if (!io.ask) throw new CommandFailed('Interactive moderation needs a terminal; use `moderate list` and `moderate approve|reject <kind> <ref>`.');
  const d = deps(ctx);
  const queue = await moderationQueue(d, opts.kind);
  if (queue.length === 0) return io.out('Nothing waits for moderation.');
  const missions = new Map((await ctx.missions.list()).map((m) => [m.id, m.name]));
  let approved = 0;
  let rejected = 0;
  for (const [i, e] of queue.entries()) {
    io.out('');
    io.out(`${i + 1}/${queue.length}`);
    for (const line of describeEntry(e, (id) => missions.get(id) ?? id, await previewOf(d, e))) io.out(line);
    const answer = (await io.ask('[a]pprove, [r]eject, [s]kip, [q]uit?'))?.toLowerCase();
    if (answer === undefined || answer === 'q') break;
    if (answer === 'a') {
      if (await decide(d, e.kind, e.ref, 'approved')) approved++;
    } else if (answer === 'r') {
      const reason = (await io.ask('Reason (kept for the organisers):')) || 'rejected by an organiser';
      if (await decide(d, e.kind, e.ref, 'rejected', reason)) rejected++;
    }
  }
  io.out(`Approved ${approved}, rejected ${rejected}; ${queue.length - approved - rejected} left.`);
}
