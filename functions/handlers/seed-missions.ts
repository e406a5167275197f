/** CloudFormation custom resource (deploy time): loads the missions file into an empty table. */
import { join } from 'node:path';
import { loadMissionsFile } from '../adapters/missions-csv';
import { DynamoMissionDirectory } from '../adapters/mission-directory';
import { config } from '../config';
import { log } from '../logger';
import { seedMissions } from '../use-cases/seed-missions';

const directory = new DynamoMissionDirectory(config.tableName, 0);
/** The missions CSV is copied next to the bundle at build time. */
const FILE = join(__dirname, 'uk-missions.csv');

export async function handler(event: { RequestType: 'Create' | 'Update' | 'Delete'; PhysicalResourceId?: string }) {
  const physicalId = event.PhysicalResourceId ?? `missions-${config.tableName}`;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalId };
  const { seeded } = await seedMissions({ list: () => directory.list(), putAll: (m) => directory.putAll(m), readFile: () => loadMissionsFile(FILE) });
  log.info('missions.seeded', { count: seeded });
  return { PhysicalResourceId: physicalId, Data: { Seeded: String(seeded) } };
}
