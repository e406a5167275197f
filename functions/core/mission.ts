/**
 * UK diplomatic missions: the recipients of letters. Rows come from data/missions/uk-missions.csv
 * (or an organiser's corrected copy); a row whose source carries a "status:" note is a mission not
 * operating now and is hidden. An address is never guessed: no email means a printed letter pack.
 */
export const MISSION_TYPES = [
  'embassy',
  'high-commission',
  'deputy-high-commission',
  'consulate-general',
  'consulate',
  'representation/office',
] as const;
export type MissionType = (typeof MISSION_TYPES)[number];

/** Whether a mission's email address can receive letters. */
export const EMAIL_STATUSES = ['unverified', 'verified', 'failing'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface Mission {
  id: string;
  countryCode: string;
  /** English name from the data file; the site localises names from countryCode. */
  countryName: string;
  type: MissionType;
  name: string;
  city: string;
  address: string;
  phone: string;
  /** Never published by the API. Empty when the data has none. */
  email: string;
  website: string;
  source: string;
  /** False when the source column has a "status:" note (closed, suspended, staff withdrawn). */
  operating: boolean;
  emailStatus: EmailStatus;
}

/** The CSV columns, in order. */
export const MISSION_CSV_COLUMNS = [
  'id', 'country_code', 'country_name', 'mission_type', 'mission_name', 'city', 'address', 'phone', 'email', 'website', 'source',
] as const;

/** Public view: everything but the email address, plus whether letters can go by email. */
export interface PublicMission {
  id: string;
  countryCode: string;
  countryName: string;
  type: MissionType;
  name: string;
  city: string;
  address: string;
  phone: string;
  website: string;
  acceptsEmail: boolean;
}

const STATUS_NOTE = /(?:^|;\s*|\)\s*;?\s*)status:/i;

/** Whether the source column says the mission is not operating now. */
export function hasStatusNote(source: string): boolean {
  return STATUS_NOTE.test(source);
}

/** Whether letters to this mission can be sent by email (an address exists and is not bouncing). */
export function acceptsEmail(m: Pick<Mission, 'email' | 'emailStatus'>): boolean {
  return m.email !== '' && m.emailStatus !== 'failing';
}

/** Embassies and high commissions first, then the rest, each group by name. */
export function compareMissions(a: Mission | PublicMission, b: Mission | PublicMission): number {
  const rank = (t: MissionType) => (t === 'embassy' || t === 'high-commission' ? 0 : t === 'deputy-high-commission' ? 1 : 2);
  return a.countryCode.localeCompare(b.countryCode) || rank(a.type) - rank(b.type) || a.name.localeCompare(b.name);
}

export function toPublicMission(m: Mission): PublicMission {
  return {
    id: m.id,
    countryCode: m.countryCode,
    countryName: m.countryName,
    type: m.type,
    name: m.name,
    city: m.city,
    address: m.address,
    phone: m.phone,
    website: m.website,
    acceptsEmail: acceptsEmail(m),
  };
}
