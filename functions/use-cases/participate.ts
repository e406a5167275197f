/**
 * What participants do besides signing: register an in-person action and upload its photos, ask to
 * co-sign, log a call to a mission, report wrong contact details; and the public lists of what
 * organisers approved. Contact emails are confirmed by mail; nothing is public before approval.
 */
import { createHash, randomBytes } from 'node:crypto';
import { pickLanguage, type Campaign } from '../core/campaign';
import { contactConfirmationMail, contactLink, type ContactKind } from '../core/contact-mail';
import { InvalidTokenError, NotFoundError, PhotoLimitError, RateLimitedError, TemporarilyUnavailableError, TokenExpiredError, UnknownMissionError, ValidationError, EmailNotAcceptedError } from '../core/errors';
import {
  CONTACT_CONFIRM_TTL_MS,
  UPLOAD_URL_TTL_SECONDS,
  parseUploadKey,
  photoKeys,
  plausibleActionDate,
  toPublicAction,
  toPublicCosigner,
  type Action,
  type CallCounts,
  type Cosigner,
  type MissionReport,
  type Photo,
  type PublicAction,
  type PublicCosigner,
} from '../core/participation';
import { PARTICIPATION_LIMITS, type ActionInput, type CallInput, type CosignerInput, type MissionReportInput, type PhotoRequest } from '../core/participation-input';
import type { Clock, ImageSanitizer, Mailer, MissionDirectory, PhotoStorage, RateLimiter, RateWindow } from '../core/ports';
import { REMINDER_INTERVAL_MS, emailDomain, hashSecret, makeToken, newSecret, normaliseEmailForDedup, parseToken } from '../core/signature';
import type { DynamoParticipationStore } from '../adapters/participation-store';
import { log } from '../logger';

export interface ParticipationDeps {
  campaign: Campaign;
  store: DynamoParticipationStore;
  missions: MissionDirectory;
  rateLimiter: RateLimiter;
  clock: Clock;
  mailer?: Mailer;
  photos?: PhotoStorage;
  sanitizer?: ImageSanitizer;
  publicUrl?: string;
  mailFrom?: string;
}

/**
 * Per-network limits, derived from the campaign's signing limits (campaign.json rateLimits): with the
 * default 30 a minute and 600 an hour, 10 actions, 30 photos, 10 co-signers, 20 calls and 5 reports a
 * minute. Generous for a group behind one address, a wall for a script.
 */
export function participationLimits(campaign: Campaign): Record<'action' | 'photo' | 'cosigner' | 'call' | 'report', RateWindow[]> {
  const { perMinute, perHour } = campaign.rateLimits;
  const windows = (minute: number, hour: number): RateWindow[] => [
    { limit: Math.max(1, Math.floor(minute)), seconds: 60 },
    { limit: Math.max(1, Math.floor(hour)), seconds: 3600 },
  ];
  return {
    action: windows(perMinute / 3, perHour / 3),
    photo: windows(perMinute, perHour / 3),
    cosigner: windows(perMinute / 3, perHour / 5),
    call: windows((perMinute * 2) / 3, perHour / 3),
    report: windows(perMinute / 6, perHour / 20),
  };
}

/** A random id of 26 hex characters (also the shape the mail tokens carry). */
export function newId(): string {
  return randomBytes(13).toString('hex');
}

async function limit(deps: ParticipationDeps, scope: keyof ReturnType<typeof participationLimits>, network: string) {
  const verdict = await deps.rateLimiter.hit(scope, network, participationLimits(deps.campaign)[scope], deps.clock.now());
  if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
}

async function operatingMission(deps: ParticipationDeps, missionId: string) {
  const mission = await deps.missions.get(missionId);
  if (!mission || !mission.operating) throw new UnknownMissionError();
  return mission;
}

function refuseBlockedDomain(campaign: Campaign, email: string) {
  if (campaign.blockedEmailDomains.includes(emailDomain(email))) throw new EmailNotAcceptedError();
}

async function mailContact(deps: ParticipationDeps, kind: ContactKind, to: { id: string; name: string; email: string; language: Action['language'] }, secret: string) {
  const link = contactLink(deps.publicUrl!, to.language, kind, makeToken(to.id, secret));
  await deps.mailer!.send(contactConfirmationMail({ campaign: deps.campaign, language: to.language, kind, name: to.name, to: to.email, link, fromAddress: deps.mailFrom!, id: to.id }));
}

const honeypot = (v: unknown) => v !== undefined && v !== '' && v !== null;

/** Registers an in-person action: pending until its contact email is confirmed and an organiser approves it. */
export async function registerAction(input: ActionInput, network: string, deps: ParticipationDeps): Promise<{ status: 'pending'; id: string; uploadToken: string }> {
  const now = deps.clock.now();
  if (honeypot(input.fax)) return { status: 'pending', id: newId(), uploadToken: newSecret().secret };
  await limit(deps, 'action', network);
  refuseBlockedDomain(deps.campaign, input.email);
  if (!plausibleActionDate(input.startsAt, now)) throw new ValidationError('startsAt', 'Give a date from the last three months up to a year ahead.');
  await operatingMission(deps, input.missionId);
  const confirm = newSecret();
  const upload = newSecret();
  const action: Action = {
    campaignId: deps.campaign.id,
    id: newId(),
    status: 'unconfirmed',
    organisation: input.organisation,
    email: input.email,
    missionId: input.missionId,
    startsAt: new Date(input.startsAt).toISOString(),
    description: input.description,
    language: pickLanguage(deps.campaign, input.language),
    createdAt: now.toISOString(),
    confirmTokenHash: confirm.hash,
    confirmExpiresAt: new Date(now.getTime() + CONTACT_CONFIRM_TTL_MS).toISOString(),
    uploadTokenHash: upload.hash,
    photoCount: 0,
  };
  await deps.store.createAction(action);
  try {
    await mailContact(deps, 'action', { id: action.id, name: action.organisation, email: action.email, language: action.language }, confirm.secret);
  } catch (e) {
    log.warn('action.mail_failed', { campaignId: deps.campaign.id, actionId: action.id, error: (e as Error).name });
    throw new TemporarilyUnavailableError('We could not send the confirmation mail just now. Please try again in a moment.');
  }
  log.info('action.registered', { campaignId: deps.campaign.id, actionId: action.id, missionId: action.missionId });
  return { status: 'pending', id: action.id, uploadToken: makeToken(action.id, upload.secret) };
}

/**
 * Hands out a presigned upload for one photo of an action, to the holder of its upload token: the
 * URL accepts exactly the declared size and type, for 15 minutes. The upload is then checked and
 * stripped of its metadata by processPhotoUpload before anyone can see it.
 */
export async function requestPhotoUpload(actionId: string, input: PhotoRequest, network: string, deps: ParticipationDeps): Promise<{ photoId: string; uploadUrl: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string }> {
  const now = deps.clock.now();
  await limit(deps, 'photo', network);
  const token = parseToken(input.uploadToken);
  if (!token || token.id !== actionId) throw new InvalidTokenError('The upload token does not belong to this action.', 'uploadToken');
  if (!/^[a-f0-9]{26}$/.test(actionId)) throw new NotFoundError('There is no such action.');
  const found = await deps.store.getAction(deps.campaign.id, actionId);
  if (!found) throw new NotFoundError('There is no such action.');
  const hash = hashSecret(token.secret);
  if (found.action.uploadTokenHash !== hash) throw new InvalidTokenError('The upload token does not belong to this action.', 'uploadToken');
  if (!(await deps.store.reservePhoto(deps.campaign.id, actionId, hash, PARTICIPATION_LIMITS.photos))) throw new PhotoLimitError(PARTICIPATION_LIMITS.photos);
  const photo: Photo = { campaignId: deps.campaign.id, actionId, id: newId(), status: 'uploading', declaredType: input.contentType, declaredSize: input.size, createdAt: now.toISOString() };
  await deps.store.putPhoto(photo);
  const uploadUrl = await deps.photos!.presignPut(photoKeys.upload(photo.campaignId, actionId, photo.id), input.contentType, input.size, UPLOAD_URL_TTL_SECONDS);
  log.info('photo.upload_requested', { campaignId: deps.campaign.id, actionId, photoId: photo.id });
  return {
    photoId: photo.id,
    uploadUrl,
    method: 'PUT',
    headers: { 'content-type': input.contentType },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000).toISOString(),
  };
}

/**
 * An upload arrived (S3 ObjectCreated): check it on the server whatever the browser said (a real
 * JPEG, PNG or WebP image, at most 10 MB), keep only a re-encoded copy without metadata (no EXIF,
 * no GPS), delete the original. The copy waits for an organiser.
 */
export async function processPhotoUpload(key: string, deps: ParticipationDeps): Promise<'pending' | 'rejected' | 'ignored'> {
  const parts = parseUploadKey(key);
  if (!parts || parts.campaignId !== deps.campaign.id) return 'ignored';
  const photo = await deps.store.getPhoto(parts.campaignId, parts.actionId, parts.photoId);
  const storage = deps.photos!;
  if (!photo || photo.status !== 'uploading') {
    // An upload nobody asked for (or a second one to the same key): never kept.
    await storage.delete(key);
    return 'ignored';
  }
  const refuse = async (reason: string) => {
    await storage.delete(key);
    await deps.store.photoRefused(photo, reason, deps.clock.now());
    log.info('photo.refused', { campaignId: photo.campaignId, actionId: photo.actionId, photoId: photo.id, reason });
    return 'rejected' as const;
  };
  const object = await storage.get(key, PARTICIPATION_LIMITS.photoBytes);
  if (!object) return 'ignored';
  if ('tooLarge' in object) return refuse(`too large: ${object.tooLarge} bytes (at most ${PARTICIPATION_LIMITS.photoBytes})`);
  const clean = await deps.sanitizer!.sanitize(object.body);
  if (!clean.ok) return refuse(clean.reason);
  await storage.put(photoKeys.processed(photo.campaignId, photo.actionId, photo.id), clean.body, clean.type);
  await storage.delete(key);
  await deps.store.photoProcessed(photo, { type: clean.type, size: clean.body.length, width: clean.width, height: clean.height });
  log.info('photo.processed', { campaignId: photo.campaignId, actionId: photo.actionId, photoId: photo.id });
  return 'pending';
}

/** A stable co-signer id for (campaign, kind, email): one request per address and kind. */
export function cosignerId(campaignId: string, kind: string, email: string): string {
  return createHash('sha256').update(`cosigner\n${campaignId}\n${kind}\n${normaliseEmailForDedup(email)}`).digest('hex').slice(0, 26);
}

/**
 * Asks to add a co-signer. A repeat for the same address answers the same (the form reveals nothing
 * about who asked) and re-sends the link at most hourly while unconfirmed.
 */
export async function addCosigner(input: CosignerInput, network: string, deps: ParticipationDeps): Promise<{ status: 'pending' }> {
  const now = deps.clock.now();
  if (honeypot(input.fax)) return { status: 'pending' };
  await limit(deps, 'cosigner', network);
  refuseBlockedDomain(deps.campaign, input.email);
  const confirm = newSecret();
  const language = pickLanguage(deps.campaign, input.language);
  const display = input.display ?? (input.kind === 'organisation' ? 'full' : deps.campaign.riskyCountries.includes(input.country) ? 'hidden' : 'initials');
  const cosigner: Cosigner = {
    campaignId: deps.campaign.id,
    id: cosignerId(deps.campaign.id, input.kind, input.email),
    status: 'unconfirmed',
    kind: input.kind,
    name: input.name,
    country: input.country,
    ...(input.website ? { website: input.website } : {}),
    email: input.email,
    display,
    language,
    createdAt: now.toISOString(),
    confirmTokenHash: confirm.hash,
    confirmExpiresAt: new Date(now.getTime() + CONTACT_CONFIRM_TTL_MS).toISOString(),
  };
  const created = await deps.store.createCosigner(cosigner);
  let send = created === 'created';
  let to = cosigner;
  if (!send) {
    const existing = await deps.store.getCosigner(cosigner.campaignId, cosigner.id);
    if (existing?.status === 'unconfirmed') {
      send = await deps.store.renewCosignerToken(cosigner.campaignId, cosigner.id, confirm.hash, cosigner.confirmExpiresAt, new Date(now.getTime() - REMINDER_INTERVAL_MS), now);
      to = existing;
    }
  }
  if (send) {
    try {
      await mailContact(deps, 'cosigner', { id: to.id, name: to.name, email: to.email, language: to.language }, confirm.secret);
    } catch (e) {
      log.warn('cosigner.mail_failed', { campaignId: deps.campaign.id, cosignerId: cosigner.id, error: (e as Error).name });
      throw new TemporarilyUnavailableError('We could not send the confirmation mail just now. Please try again in a moment.');
    }
  }
  log.info(created === 'created' ? 'cosigner.requested' : 'cosigner.repeat', { campaignId: deps.campaign.id, cosignerId: cosigner.id });
  return { status: 'pending' };
}

/** Confirms an action's or co-signer's contact address (the POST behind the mailed link). */
export async function confirmContact(kind: ContactKind, token: string, deps: ParticipationDeps): Promise<{ status: 'confirmed' }> {
  const parsed = parseToken(token);
  if (!parsed) throw new InvalidTokenError();
  const hash = hashSecret(parsed.secret);
  const now = deps.clock.now();
  const outcome = kind === 'action' ? await deps.store.confirmAction(deps.campaign.id, parsed.id, hash, now) : await deps.store.confirmCosigner(deps.campaign.id, parsed.id, hash, now);
  if (outcome === 'expired') throw new TokenExpiredError();
  if (outcome !== 'confirmed') throw new InvalidTokenError();
  log.info(`${kind}.confirmed`, { campaignId: deps.campaign.id, [`${kind}Id`]: parsed.id });
  return { status: 'confirmed' };
}

/** Logs the outcome of a call to a mission: counted per mission, no personal data. */
export async function logCall(input: CallInput, network: string, deps: ParticipationDeps): Promise<{ status: 'recorded' }> {
  await limit(deps, 'call', network);
  await operatingMission(deps, input.missionId);
  await deps.store.addCall(deps.campaign.id, input.missionId, input.outcome);
  return { status: 'recorded' };
}

/** A report of wrong contact details: stored for the organisers; it never changes the data by itself. */
export async function reportMission(missionId: string, input: MissionReportInput, network: string, deps: ParticipationDeps): Promise<{ status: 'pending' }> {
  if (honeypot(input.fax)) return { status: 'pending' };
  await limit(deps, 'report', network);
  const mission = await deps.missions.get(missionId);
  if (!mission) throw new NotFoundError('There is no such mission.', 'missionId');
  const report: MissionReport = {
    campaignId: deps.campaign.id,
    id: newId(),
    status: 'pending',
    missionId: mission.id,
    message: input.message,
    ...(input.email ? { email: input.email } : {}),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.createReport(report);
  log.info('mission.reported', { campaignId: deps.campaign.id, missionId: mission.id, reportId: report.id });
  return { status: 'pending' };
}

export async function publicActions(deps: Pick<ParticipationDeps, 'campaign' | 'store'>): Promise<PublicAction[]> {
  return (await deps.store.publicActions(deps.campaign.id)).map(({ action, photos }) => toPublicAction(action, photos)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export async function publicCosigners(deps: Pick<ParticipationDeps, 'campaign' | 'store'>): Promise<{ cosigners: PublicCosigner[]; hidden: number }> {
  const rank = (c: PublicCosigner) => (c.kind === 'organisation' ? 0 : 1);
  const approved = await deps.store.publicCosigners(deps.campaign.id);
  const shown = approved.map(toPublicCosigner).filter((c): c is PublicCosigner => c !== undefined);
  return { cosigners: shown.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)), hidden: approved.length - shown.length };
}

export async function callCounts(deps: Pick<ParticipationDeps, 'campaign' | 'store'>): Promise<Record<string, CallCounts>> {
  return deps.store.callCounts(deps.campaign.id);
}
