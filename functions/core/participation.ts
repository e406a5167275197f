/**
 * What participants add besides their letter: in-person actions (with photos), co-signers, call
 * outcomes and reports of wrong contact details. Nothing a participant submits is public until an
 * organiser approves it; contact emails are confirmed by mail first and never published.
 */
import type { Language } from './campaign';
import type { CallOutcome, CosignerKind, PhotoType } from './participation-input';
import { displayName } from './signature';
import type { DisplayChoice } from './signature-input';

/**
 * unconfirmed: waiting for the contact email's confirmation; pending: waiting for an organiser;
 * approved / rejected: decided (rejected items keep their reason, for the organisers only).
 */
export const MODERATION_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const MODERATION_KINDS = ['action', 'photo', 'cosigner', 'report'] as const;
export type ModerationKind = (typeof MODERATION_KINDS)[number];

/** How long a contact-email confirmation link stays valid. */
export const CONTACT_CONFIRM_TTL_MS = 7 * 24 * 3600 * 1000;
/** How long a presigned upload stays valid. */
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;

export interface Moderation {
  status: ModerationStatus;
  moderatedAt?: string;
  /** Why an item was rejected (shown to organisers only). */
  reason?: string;
}

export interface Action extends Moderation {
  campaignId: string;
  id: string;
  organisation: string;
  /** Personal data: confirmed by mail, never published, purged after the campaign. */
  email: string;
  missionId: string;
  startsAt: string;
  description: string;
  language: Language;
  createdAt: string;
  confirmTokenHash: string;
  confirmExpiresAt: string;
  /** Lets the person who registered the action add its photos. */
  uploadTokenHash: string;
  /** Photos requested so far (at most PARTICIPATION_LIMITS.photos). */
  photoCount: number;
}

/**
 * uploading: a presigned upload was handed out; pending: the upload arrived, was checked and stripped
 * of its metadata and waits for an organiser; approved: published; rejected: refused (by the checks or
 * by an organiser).
 */
export const PHOTO_STATUSES = ['uploading', 'pending', 'approved', 'rejected'] as const;
export type PhotoStatus = (typeof PHOTO_STATUSES)[number];

export interface Photo {
  campaignId: string;
  actionId: string;
  id: string;
  status: PhotoStatus;
  /** The type the uploader declared (the upload is checked against it). */
  declaredType: PhotoType;
  declaredSize: number;
  /** Set once processed: the stripped copy's type, size and dimensions. */
  type?: PhotoType;
  size?: number;
  width?: number;
  height?: number;
  createdAt: string;
  moderatedAt?: string;
  reason?: string;
}

export interface Cosigner extends Moderation {
  campaignId: string;
  id: string;
  kind: CosignerKind;
  name: string;
  country: string;
  website?: string;
  /** Personal data: confirmed by mail, never published, purged after the campaign. */
  email: string;
  display: DisplayChoice;
  language: Language;
  createdAt: string;
  confirmTokenHash: string;
  confirmExpiresAt: string;
}

export interface MissionReport extends Moderation {
  campaignId: string;
  id: string;
  missionId: string;
  message: string;
  /** Optional, for a reply; personal data, purged after the campaign. */
  email?: string;
  createdAt: string;
}

export type CallCounts = Record<CallOutcome, number>;
export const emptyCallCounts = (): CallCounts => ({ reached: 0, voicemail: 0, no_answer: 0, refused: 0 });

/** Object keys in the photo bucket: uploads land in uploads/, checked copies in processed/, published ones in photos/. */
export const photoKeys = {
  upload: (campaignId: string, actionId: string, photoId: string) => `uploads/${campaignId}/${actionId}/${photoId}`,
  processed: (campaignId: string, actionId: string, photoId: string) => `processed/${campaignId}/${actionId}/${photoId}`,
  published: (campaignId: string, actionId: string, photoId: string, type: PhotoType) => `photos/${campaignId}/${actionId}/${photoId}.${extensionOf(type)}`,
};

/** Parses an upload key back into its parts (undefined for anything else). */
export function parseUploadKey(key: string): { campaignId: string; actionId: string; photoId: string } | undefined {
  const m = /^uploads\/([a-z0-9-]+)\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)$/.exec(key);
  return m ? { campaignId: m[1]!, actionId: m[2]!, photoId: m[3]! } : undefined;
}

export function extensionOf(type: PhotoType): 'jpg' | 'png' | 'webp' {
  return type === 'image/jpeg' ? 'jpg' : type === 'image/png' ? 'png' : 'webp';
}

export interface PublicPhoto {
  id: string;
  /** Site-relative address of the published copy (no location metadata). */
  url: string;
  width?: number;
  height?: number;
}

export interface PublicAction {
  id: string;
  organisation: string;
  missionId: string;
  startsAt: string;
  description: string;
  photos: PublicPhoto[];
}

export function toPublicAction(a: Action, photos: Photo[]): PublicAction {
  return {
    id: a.id,
    organisation: a.organisation,
    missionId: a.missionId,
    startsAt: a.startsAt,
    description: a.description,
    photos: photos
      .filter((p) => p.status === 'approved' && p.type)
      .map((p) => ({ id: p.id, url: `/${photoKeys.published(p.campaignId, p.actionId, p.id, p.type!)}`, width: p.width, height: p.height })),
  };
}

export interface PublicCosigner {
  id: string;
  kind: CosignerKind;
  /** The name as the co-signer agreed to show it. */
  name: string;
  country: string;
  website?: string;
}

/** A co-signer as the public list shows them; undefined when they chose not to be shown. */
export function toPublicCosigner(c: Cosigner): PublicCosigner | undefined {
  // An organisation's name is what it signs with: initials would say nothing.
  const name = c.kind === 'organisation' ? (c.display === 'hidden' ? undefined : c.name) : displayName(c.name, c.display);
  if (name === undefined) return undefined;
  return { id: c.id, kind: c.kind, name, country: c.country, ...(c.website ? { website: c.website } : {}) };
}

/** Whether an action's date is one the campaign can take: from 90 days back to a year ahead. */
export function plausibleActionDate(startsAt: string, now: Date): boolean {
  const t = Date.parse(startsAt);
  return t >= now.getTime() - 90 * 86_400_000 && t <= now.getTime() + 365 * 86_400_000;
}
