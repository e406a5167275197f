/**
 * `purge`: after the campaign, delete what is no longer needed. Unconfirmed signatures go entirely;
 * confirmed letters keep only the public record (the name as the signer agreed to show it, country,
 * mission, delivery status); what participants submitted that was refused or never confirmed (actions,
 * photos, co-signers, reports) goes entirely; every other email address outside the missions directory
 * is removed, whatever item holds it; rate-limit windows go.
 */
import { displayName, type Signature } from '../../functions/core/signature';
import { deleteItems, purgeSignature, removeAttributes, scanPrefix } from '../../functions/adapters/table-scan';
import { toSignature } from '../../functions/adapters/signature-store';
import type { OrganizerContext } from '../context';
import { CommandFailed } from './missions';

const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/;
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);

type Item = Record<string, unknown>;

interface Plan {
  deleteSignatures: Signature[];
  keepSignatures: Signature[];
  rateItems: { pk: string; sk: string }[];
  /** Other items holding an email address, and the attributes to remove. */
  others: { key: { pk: string; sk: string }; attributes: string[] }[];
  /** Submissions refused by the organisers or never confirmed by their sender: nothing of them is public. */
  refused: { pk: string; sk: string }[];
}

/** Participation items (see functions/adapters/keys.ts) and the statuses that were never published. */
const PARTICIPATION = /^(ACTION|COSIGNER|REPORT)#/;
const UNPUBLISHED = new Set(['rejected', 'unconfirmed', 'uploading']);

/** Attributes (top level) whose value holds an email address, searched inside lists and maps too. */
function emailAttributes(item: Item): string[] {
  return Object.entries(item)
    .filter(([name, value]) => !KEY_ATTRIBUTES.has(name) && EMAIL.test(JSON.stringify(value) ?? ''))
    .map(([name]) => name);
}

async function plan(ctx: OrganizerContext): Promise<Plan> {
  const p: Plan = { deleteSignatures: [], keepSignatures: [], rateItems: [], others: [], refused: [] };
  const progress = ctx.io.progress('Reading the table', 0);
  const sigPrefix = `SIG#${ctx.campaign.id}#`;
  for await (const page of scanPrefix(ctx.target.tableName, '')) {
    for (const item of page) {
      const pk = String(item.pk);
      const key = { pk, sk: String(item.sk) };
      if (pk.startsWith(sigPrefix)) {
        const s = toSignature(item);
        (s.status === 'confirmed' ? p.keepSignatures : p.deleteSignatures).push(s);
      } else if (pk.startsWith('RATE#')) p.rateItems.push(key);
      else if (PARTICIPATION.test(pk) && pk.startsWith(`${pk.split('#')[0]}#${ctx.campaign.id}#`) && UNPUBLISHED.has(String(item.status))) p.refused.push(key);
      else if (pk !== 'MISSIONS') {
        // Mission addresses are public institutions' addresses, not personal data.
        const attrs = emailAttributes(item);
        if (attrs.length) p.others.push({ key, attributes: attrs });
      }
    }
    progress.increment(page.length);
  }
  progress.stop();
  return p;
}

export async function purgeCommand(ctx: OrganizerContext, opts: { yes?: boolean; force?: boolean }) {
  const { io } = ctx;
  const state = await ctx.campaignState.get(ctx.campaign.id);
  if (state?.status !== 'dispatched' && !opts.force) {
    throw new CommandFailed(
      `The campaign is ${state?.status ?? 'open'}, not dispatched: purging now would delete letters that have not been sent. ` +
        'Run it after the dispatch (or pass --force to purge anyway).',
    );
  }
  const p = await plan(ctx);
  const stillToSend = p.keepSignatures.filter((s) => s.deliveryStatus === 'queued' || s.deliveryStatus === 'sending').length;
  io.out('This will permanently:');
  io.out(`  delete ${p.deleteSignatures.length.toLocaleString('en')} unconfirmed signature(s) entirely;`);
  io.out(`  remove the email address, tokens and hidden names from ${p.keepSignatures.length.toLocaleString('en')} confirmed letter(s), keeping the name as each signer agreed to show it, country, mission and delivery status;`);
  io.out(`  delete ${p.refused.length.toLocaleString('en')} submission(s) refused in moderation or never confirmed (actions, photos, co-signers, reports);`);
  io.out(`  remove email addresses from ${p.others.length.toLocaleString('en')} other item(s) (actions, co-signers, reports);`);
  io.out(`  delete ${p.rateItems.length.toLocaleString('en')} rate-limit record(s).`);
  if (stillToSend) io.out(`  Warning: ${stillToSend} letter(s) are still queued or being sent.`);
  if (!opts.yes && !(await io.confirm('Purge now? This cannot be undone.'))) {
    io.out('Nothing was changed.');
    return { purged: false as const };
  }
  const now = new Date().toISOString();
  const total = p.deleteSignatures.length + p.keepSignatures.length + p.others.length + p.refused.length + p.rateItems.length;
  const progress = io.progress('Purging', total);
  const queue = [...p.deleteSignatures, ...p.keepSignatures];
  // A few requests in flight: fast on a big table without a burst DynamoDB would throttle.
  const workers = Array.from({ length: 8 }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      await purgeSignature(ctx.target.tableName, s, displayName(s.fullName ?? '', s.display), now);
      progress.increment();
    }
  });
  await Promise.all(workers);
  for (const o of p.others) {
    await removeAttributes(ctx.target.tableName, o.key, o.attributes);
    progress.increment();
  }
  await deleteItems(ctx.target.tableName, p.refused);
  progress.increment(p.refused.length);
  await deleteItems(ctx.target.tableName, p.rateItems);
  progress.increment(p.rateItems.length);
  progress.stop();
  io.out(`Purged: ${p.deleteSignatures.length} deleted, ${p.keepSignatures.length} reduced to the public record, ${p.refused.length} refused or unconfirmed submission(s) deleted, ${p.others.length} other item(s) cleaned, ${p.rateItems.length} rate-limit record(s) deleted.`);
  return { purged: true as const, deleted: p.deleteSignatures.length, kept: p.keepSignatures.length, refused: p.refused.length, others: p.others.length, rate: p.rateItems.length };
}
