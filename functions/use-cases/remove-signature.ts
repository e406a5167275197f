/** Removing: the signer withdraws; the signature and its personal data are deleted before dispatch. */
import type { Campaign } from '../core/campaign';
import { AlreadyDispatchedError, InvalidTokenError } from '../core/errors';
import type { Counters, SignatureStore } from '../core/ports';
import { hashSecret, parseToken } from '../core/signature';
import { log } from '../logger';

export interface RemoveSignatureDeps {
  campaign: Campaign;
  signatures: SignatureStore;
  counters: Counters;
}

/** Deletes the signature outright (name, email and all) and takes it off the counts if it was counted. */
export async function removeSignature(token: unknown, deps: RemoveSignatureDeps): Promise<{ status: 'removed' }> {
  const parsed = parseToken(token);
  if (!parsed) throw new InvalidTokenError();
  const { campaign } = deps;
  const result = await deps.signatures.remove(campaign.id, parsed.id, hashSecret(parsed.secret));
  if (!result.ok) {
    if (result.reason === 'dispatched') throw new AlreadyDispatchedError();
    throw new InvalidTokenError();
  }
  const removed = result.signature;
  // The personal data is already gone; now the counts, once (claimed), then the tombstone.
  if (await deps.signatures.claimUncount(campaign.id, removed.id)) {
    try {
      await deps.counters.add(campaign.id, { confirmed: removed.counted === true ? -1 : 0, removed: 1, missionId: removed.missionId, country: removed.country });
    } catch (e) {
      await deps.signatures.releaseUncount(campaign.id, removed.id).catch(() => undefined);
      throw e;
    }
  }
  await deps.signatures.deleteWithdrawn(campaign.id, removed.id);
  log.info('signature.removed', { campaignId: campaign.id, signatureId: removed.id, wasCounted: removed.counted === true });
  return { status: 'removed' };
}
