/**
 * Which deployment the organiser tools act on. IAM is the authentication: on AWS the commands use the
 * organiser's own credentials (AWS_PROFILE, SSO, ...); locally they reach the stand-ins of `npm start`.
 *
 * Resolution, first match wins:
 * 1. `--aws`: names from the deploy's outputs file (`npm run deploy` writes cdk-outputs.json).
 * 2. TABLE_NAME already in the environment (set by hand, or by a test's in-process stack).
 * 3. The running `npm start`, found through <DATA_DIR>/runtime.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { adoptRuntimeEnv, defaultDataDir, findRunningStack } from '../local/runtime-file';

export interface Target {
  kind: 'aws' | 'local' | 'env';
  /** What to print so the organiser knows where they are acting. */
  description: string;
  tableName: string;
  campaignDir: string;
  /** Site origin (mail links, printed URLs). */
  publicUrl?: string;
  /** EventBridge Scheduler schedule name and group of the dispatch (AWS only). */
  scheduleName?: string;
  scheduleGroup?: string;
  /** The private bucket of action photos (moderation publishes approved ones). */
  photoBucket?: string;
  /** The local site URL when the target is `npm start` (its local-only routes drive dispatch and scheduling). */
  localUrl?: string;
}

export const REPO_ROOT = resolve(__dirname, '..');
export const DEFAULT_OUTPUTS_FILE = join(REPO_ROOT, 'cdk-outputs.json');

export class TargetError extends Error {}

/** The keys `infra/` exports as stack outputs (cdk deploy --outputs-file). */
const OUTPUT_KEYS = { tableName: 'TableName', publicUrl: 'SiteUrl', scheduleName: 'DispatchScheduleName', scheduleGroup: 'DispatchScheduleGroup', campaign: 'Campaign', photoBucket: 'PhotoBucketName' };

/** Resolves the target and sets the environment the shared adapters read (TABLE_NAME, endpoints...). */
export function resolveTarget(opts: { aws?: boolean; outputs?: string; dataDir?: string }): Target {
  if (opts.aws) return awsTarget(opts.outputs ?? DEFAULT_OUTPUTS_FILE);
  if (process.env.TABLE_NAME) {
    return {
      kind: 'env',
      description: `table ${process.env.TABLE_NAME} (from the environment)`,
      tableName: process.env.TABLE_NAME,
      campaignDir: resolve(process.env.CAMPAIGN_DIR ?? join(REPO_ROOT, 'campaigns', 'free-expression-2026')),
      publicUrl: process.env.PUBLIC_URL,
      scheduleName: process.env.DISPATCH_SCHEDULE_NAME,
      scheduleGroup: process.env.DISPATCH_SCHEDULE_GROUP,
      photoBucket: process.env.PHOTO_BUCKET,
      localUrl: process.env.LOCAL_SITE_URL,
    };
  }
  const dataDir = resolve(opts.dataDir ?? defaultDataDir());
  const info = findRunningStack(dataDir);
  if (!info) {
    throw new TargetError(
      `No running local stack found (${join(dataDir, 'runtime.json')}). Start it with \`npm start\` in another terminal, ` +
        'or act on your AWS deployment with --aws.',
    );
  }
  adoptRuntimeEnv(info);
  return {
    kind: 'local',
    description: `local stack at ${info.url} (data in ${info.dataDir})`,
    tableName: info.tableName,
    campaignDir: info.campaignDir,
    publicUrl: info.env.PUBLIC_URL ?? info.url,
    photoBucket: info.env.PHOTO_BUCKET,
    localUrl: info.url,
  };
}

function awsTarget(file: string): Target {
  if (!existsSync(file)) {
    throw new TargetError(`No ${file}: deploy with \`npm run deploy\` (it writes the stack outputs there) or pass --outputs <file>.`);
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  // With waf: true the file also holds the web ACL's stack (no outputs of ours): take the campaign's.
  const [stackName, outputs] = Object.entries(parsed).find(([, o]) => o?.[OUTPUT_KEYS.tableName]) ?? Object.entries(parsed)[0] ?? [];
  const tableName = outputs?.[OUTPUT_KEYS.tableName];
  if (!stackName || !outputs || !tableName) throw new TargetError(`${file} has no ${OUTPUT_KEYS.tableName} output: is it the outputs of this project's stack?`);
  process.env.TABLE_NAME = tableName;
  const campaign = outputs[OUTPUT_KEYS.campaign] ?? 'free-expression-2026';
  return {
    kind: 'aws',
    description: `AWS stack ${stackName} (table ${tableName}, region ${process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'from your profile'})`,
    tableName,
    campaignDir: join(REPO_ROOT, 'campaigns', campaign),
    publicUrl: outputs[OUTPUT_KEYS.publicUrl],
    scheduleName: outputs[OUTPUT_KEYS.scheduleName],
    scheduleGroup: outputs[OUTPUT_KEYS.scheduleGroup],
    photoBucket: outputs[OUTPUT_KEYS.photoBucket],
  };
}
