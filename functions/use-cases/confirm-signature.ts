/** Confirming: the signer proves the address is theirs; the letter is counted and will be dispatched. */
import { campaignStatus, type Campaign } from '../core/campaign';
import { CampaignClosedError, InvalidTokenError, TokenExpiredError } from '../core/errors';
import type { CampaignStateStore, Clock, Counters, SignatureStore } from '../core/ports';
import { hashSecret, parseToken, type Signature } from '../core/signature';
import { log } from '../logger';

export interface ConfirmSignatureDeps {
  campaign: Campaign;
  campaignState: CampaignStateStore;
  signatures: SignatureStore;
  counters: Counters;
  clock: Clock;
}

/**
 * Single-use: the first valid use confirms; presenting the same token again changes nothing and
 * answers the same (a double click is not an error); any other token is refused.
 */
export async function confirmSignature(token: unknown, deps: ConfirmSignatureDeps): Promise<{ status: 'confirmed'; missionId: string }> {
  const parsed = parseToken(token);
  if (!parsed) throw new InvalidTokenError();
  const { campaign, clock } = deps;
  const now = clock.now();
  const state = await deps.campaignState.get(campaign.id);
  if (campaignStatus(campaign, state, now) !== 'open') throw new CampaignClosedError();

  const result = await deps.signatures.confirm(campaign.id, parsed.id, hashSecret(parsed.secret), now);
  let signature: Signature;
  if (result.ok) {
    signature = result.signature;
    log.info('signature.confirmed', { campaignId: campaign.id, signatureId: signature.id, missionId: signature.missionId });
  } else if (result.reason === 'already_confirmed') {
    const current = await deps.signatures.get(campaign.id, parsed.id);
    if (!current) throw new InvalidTokenError();
    signature = current;
  } else if (result.reason === 'expired') {
    throw new TokenExpiredError();
  } else {
    throw new InvalidTokenError();
  }

  // Claim, then count: whoever claims adds it, so a retry or a double click never counts twice. If the
  // counters cannot be updated the claim is given back and the signer is asked to try again.
  if (!signature.counted && (await deps.signatures.claimCount(campaign.id, signature.id))) {
    try {
      await deps.counters.add(campaign.id, { confirmed: 1, missionId: signature.missionId, country: signature.country });
    } catch (e) {
      await deps.signatures.releaseCount(campaign.id, signature.id).catch(() => undefined);
      throw e;
    }
  }
  return { status: 'confirmed', missionId: signature.missionId };
}
