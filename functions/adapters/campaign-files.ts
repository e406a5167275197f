/**
 * Reads a campaign folder (campaign.json + letter.<lang>.md) and validates it. On AWS the folder is
 * copied next to the handler bundle; locally it is campaigns/<id>/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCampaign, parseLetterFile, SUPPORTED_LANGUAGES, type Campaign, type Letter } from '../core/campaign';

/** Loads and validates the campaign in `dir`; throws an error naming the file and field at fault. */
export function loadCampaign(dir: string): Campaign {
  const file = join(dir, 'campaign.json');
  if (!existsSync(file)) throw new Error(`No campaign.json in ${dir}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const letters: Partial<Record<string, Letter>> = {};
  for (const lang of SUPPORTED_LANGUAGES) {
    const letterFile = join(dir, `letter.${lang}.md`);
    if (existsSync(letterFile)) letters[lang] = parseLetterFile(readFileSync(letterFile, 'utf8'), letterFile);
  }
  return buildCampaign(json, letters, file);
}

const cache = new Map<string, Campaign>();

/** The campaign in `dir`, loaded once per process. */
export function campaignFrom(dir: string): Campaign {
  let c = cache.get(dir);
  if (!c) {
    c = loadCampaign(dir);
    cache.set(dir, c);
  }
  return c;
}
