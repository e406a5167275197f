/**
 * The first deploy's missions: loaded from the project's missions file into an empty directory. Never
 * overwrites a directory that has missions (organisers change it with `organizer missions import`).
 */
import type { Mission } from '../core/mission';
import type { MissionsFileResult } from '../adapters/missions-csv';

export interface SeedDeps {
  list(): Promise<Mission[]>;
  putAll(missions: Mission[]): Promise<void>;
  readFile(): MissionsFileResult;
}

export async function seedMissions(deps: SeedDeps): Promise<{ seeded: number }> {
  if ((await deps.list()).length > 0) return { seeded: 0 };
  const { missions, problems } = deps.readFile();
  if (problems.length) throw new Error(`The missions file has problems: ${problems.map((p) => `line ${p.line} ${p.column}: ${p.message}`).join('; ')}`);
  await deps.putAll(missions);
  return { seeded: missions.length };
}
