/**
 * What an organiser's corrected missions file would change: missions added, removed and changed
 * field by field. Pure, so `missions import` can show the difference before anything is written.
 */
import type { Mission } from './mission';

/** The fields an import may change (emailStatus is the product's own knowledge, kept unless the email changes). */
export const COMPARED_FIELDS = ['countryCode', 'countryName', 'type', 'name', 'city', 'address', 'phone', 'email', 'website', 'source', 'operating'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  from: string;
  to: string;
}

export interface MissionChange {
  id: string;
  name: string;
  changes: FieldChange[];
}

export interface MissionsDiff {
  added: Mission[];
  removed: Mission[];
  changed: MissionChange[];
  unchanged: number;
}

/** Compares the current list with the imported one, by mission id. */
export function diffMissions(current: readonly Mission[], next: readonly Mission[]): MissionsDiff {
  const before = new Map(current.map((m) => [m.id, m]));
  const after = new Map(next.map((m) => [m.id, m]));
  const diff: MissionsDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const m of next) {
    const old = before.get(m.id);
    if (!old) {
      diff.added.push(m);
      continue;
    }
    const changes = COMPARED_FIELDS.filter((f) => String(old[f]) !== String(m[f])).map((f) => ({ field: f, from: String(old[f]), to: String(m[f]) }));
    if (changes.length) diff.changed.push({ id: m.id, name: m.name, changes });
    else diff.unchanged++;
  }
  for (const m of current) if (!after.has(m.id)) diff.removed.push(m);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort(byId);
  return diff;
}

/**
 * The missions to store after an import: the file's rows, each keeping what the product learned about
 * its address (verified, or failing after bounces) as long as the address itself is unchanged.
 */
export function mergeImported(current: readonly Mission[], next: readonly Mission[]): Mission[] {
  const before = new Map(current.map((m) => [m.id, m]));
  return next.map((m) => {
    const old = before.get(m.id);
    return old && old.email === m.email ? { ...m, emailStatus: old.emailStatus } : { ...m, emailStatus: 'unverified' as const };
  });
}

/** Missions that would vanish although letters were signed for them: an import must not drop them silently. */
export function removedWithLetters(diff: MissionsDiff, lettersByMission: Readonly<Record<string, number>>): { mission: Mission; letters: number }[] {
  return diff.removed.map((mission) => ({ mission, letters: lettersByMission[mission.id] ?? 0 })).filter((r) => r.letters > 0);
}

/** Operating missions that cannot receive letters by email: no address, or an address that bounced. */
export function missionsWithoutWorkingAddress(missions: readonly Mission[]): Mission[] {
  return missions.filter((m) => m.operating && (!m.email || m.emailStatus === 'failing'));
}
