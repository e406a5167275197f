/**
 * Signing: a person asks for their letter to go to a mission. Stores a pending signature and mails a
 * confirmation link; only a confirmed signature is counted and dispatched.
 */
import { campaignStatus, dispatchInstant, pickLanguage, type Campaign } from '../core/campaign';
import { confirmationMail, tokenLink } from '../core/confirmation-mail';
import { CampaignClosedError, EmailNotAcceptedError, RateLimitedError, TemporarilyUnavailableError, UnknownMissionError } from '../core/errors';
import type { CampaignStateStore, Clock, Mailer, MissionDirectory, RateLimiter, SignatureStore } from '../core/ports';
import {
  CONFIRM_TOKEN_TTL_MS,
  REMINDER_INTERVAL_MS,
  emailDomain,
  makeToken,
  newSecret,
  signatureId,
  type Signature,
} from '../core/signature';
import type { SignatureInput } from '../core/signature-input';
import { log } from '../logger';

export interface SignLetterDeps {
  campaign: Campaign;
  campaignState: CampaignStateStore;
  missions: MissionDirectory;
  signatures: SignatureStore & { discard(campaignId: string, id: string): Promise<void>; resetLastMail(campaignId: string, id: string, at: string): Promise<void> };
  mailer: Mailer;
  rateLimiter: RateLimiter;
  clock: Clock;
  publicUrl: string;
  mailFrom: string;
}

export interface SignLetterRequest {
  input: SignatureInput;
  /** Network the request came from (the rate-limit subject). */
  clientNetwork: string;
  requestId: string;
}

const NEVER = new Date(0).toISOString();

/**
 * A repeat for the same email answers the same as a first signature (so the form reveals nothing about
 * who signed) and creates no second letter; a still-pending signer gets the link again at most hourly.
 */
export async function signLetter(req: SignLetterRequest, deps: SignLetterDeps): Promise<{ status: 'pending' }> {
  const { campaign, clock } = deps;
  const now = clock.now();
  if (req.input.website !== undefined && req.input.website !== '' && req.input.website !== null) {
    log.info('signature.honeypot', { campaignId: campaign.id, requestId: req.requestId });
    return { status: 'pending' };
  }
  const state = await deps.campaignState.get(campaign.id);
  if (campaignStatus(campaign, state, now) !== 'open') throw new CampaignClosedError();

  await enforceRateLimits(req.clientNetwork, campaign, deps, now);

  if (campaign.blockedEmailDomains.includes(emailDomain(req.input.email))) {
    throw new EmailNotAcceptedError();
  }
  const mission = await deps.missions.get(req.input.missionId);
  if (!mission || !mission.operating) throw new UnknownMissionError();

  const language = pickLanguage(campaign, req.input.language);
  const id = signatureId(campaign.id, req.input.email);
  const confirm = newSecret();
  const remove = newSecret();
  const expiresAt = new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS).toISOString();
  const signature: Signature = {
    campaignId: campaign.id,
    id,
    status: 'pending',
    fullName: req.input.fullName,
    email: req.input.email,
    country: req.input.country,
    missionId: mission.id,
    language,
    shareEmail: req.input.shareEmail,
    display: req.input.display ?? (campaign.riskyCountries.includes(mission.countryCode) ? 'hidden' : 'initials'),
    createdAt: now.toISOString(),
    confirmTokenHash: confirm.hash,
    confirmExpiresAt: expiresAt,
    removeTokenHash: remove.hash,
    lastMailAt: now.toISOString(),
  };

  const created = await deps.signatures.create(signature);
  if (created === 'created') {
    try {
      await sendConfirmation(deps, signature, mission.name, confirm.secret, remove.secret, false, dispatchInstant(campaign, state));
    } catch (e) {
      // Without its mail the signature could never be confirmed: take it back so a retry starts afresh.
      await deps.signatures.discard(campaign.id, id).catch(() => undefined);
      log.warn('signature.mail_failed', { campaignId: campaign.id, signatureId: id, requestId: req.requestId, error: (e as Error).name });
      throw new TemporarilyUnavailableError('We could not send your confirmation mail just now. Nothing was saved; please try again in a moment.');
    }
    log.info('signature.created', { campaignId: campaign.id, signatureId: id, missionId: mission.id, requestId: req.requestId });
    return { status: 'pending' };
  }

  // A repeat: no second letter. Re-send the link (a new one) only if still pending and not mailed lately.
  const existing = await deps.signatures.get(campaign.id, id);
  if (existing?.status === 'pending') {
    const tokens = { confirmHash: confirm.hash, removeHash: remove.hash, expiresAt };
    const renewed = await deps.signatures.renewTokens(campaign.id, id, tokens, new Date(now.getTime() - REMINDER_INTERVAL_MS), now);
    if (renewed) {
      const existingMission = (await deps.missions.get(existing.missionId))?.name ?? mission.name;
      // Both links are new: the stored hashes were replaced, so the first mail's links no longer work.
      try {
        await sendConfirmation(deps, existing, existingMission, confirm.secret, remove.secret, true, dispatchInstant(campaign, state));
      } catch {
        await deps.signatures.resetLastMail(campaign.id, id, existing.lastMailAt ?? NEVER).catch(() => undefined);
        throw new TemporarilyUnavailableError();
      }
      log.info('signature.reminded', { campaignId: campaign.id, signatureId: id, requestId: req.requestId });
    }
  }
  log.info('signature.repeat', { campaignId: campaign.id, signatureId: id, requestId: req.requestId });
  return { status: 'pending' };
}

async function enforceRateLimits(network: string, campaign: Campaign, deps: SignLetterDeps, now: Date) {
  const { perMinute, perHour } = campaign.rateLimits;
  const verdict = await deps.rateLimiter.hit('sign', network, [{ limit: perMinute, seconds: 60 }, { limit: perHour, seconds: 3600 }], now);
  if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
}

async function sendConfirmation(
  deps: SignLetterDeps,
  signature: Signature,
  missionName: string,
  confirmSecret: string,
  removeSecret: string,
  reminder: boolean,
  dispatchAt: Date,
) {
  const removeUrl = tokenLink(deps.publicUrl, signature.language, 'remove', makeToken(signature.id, removeSecret));
  await deps.mailer.send(
    confirmationMail({
      campaign: deps.campaign,
      language: signature.language,
      fullName: signature.fullName,
      to: signature.email,
      missionName,
      dispatchAt,
      confirmUrl: tokenLink(deps.publicUrl, signature.language, 'confirm', makeToken(signature.id, confirmSecret)),
      removeUrl,
      siteUrl: deps.publicUrl,
      fromAddress: deps.mailFrom,
      reminder,
      signatureId: signature.id,
    }),
  );
}
