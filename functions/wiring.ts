/**
 * The AWS adapters, built once per process on first use. Handlers take what they need at module
 * scope (`import * as wiring from '../wiring'`), so each bundle holds only the adapters and SDK
 * clients it uses; tests and the local runtime reach the same code through AWS_ENDPOINT_URL_*.
 */
import { campaignFrom } from './adapters/campaign-files';
import { DynamoCampaignStateStore, cachedCampaignState } from './adapters/campaign-state-store';
import { ShardedCounters } from './adapters/counters';
import { DynamoMissionDirectory } from './adapters/mission-directory';
import { DynamoRateLimiter } from './adapters/rate-limiter';
import { SesMailer } from './adapters/ses-mailer';
import { DynamoSignatureStore } from './adapters/signature-store';
import { DynamoDeliveryLedger } from './adapters/delivery-ledger';
import { DynamoDossierStore } from './adapters/dossier-store';
import { DynamoLetterStore } from './adapters/letter-store';
import { DynamoSendPacer } from './adapters/send-pacer';
import { DynamoSesEventLog } from './adapters/ses-event-log';
import { SqsDispatchQueue } from './adapters/sqs-queue';
import { DynamoParticipationStore } from './adapters/participation-store';
import { S3PhotoStorage } from './adapters/s3-photo-storage';
import { config } from './config';
import { systemClock } from './core/ports';

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export const campaign = /* @__PURE__ */ once(() => campaignFrom(config.campaignDir));
export const campaignState = /* @__PURE__ */ once(() => new DynamoCampaignStateStore(config.tableName));
/** The state read through a 2-second cache, for signing (see cachedCampaignState). */
export const campaignStateForSigning = /* @__PURE__ */ once(() => cachedCampaignState(new DynamoCampaignStateStore(config.tableName), 2000));
export const missions = /* @__PURE__ */ once(() => new DynamoMissionDirectory(config.tableName));
export const signatures = /* @__PURE__ */ once(() => new DynamoSignatureStore(config.tableName));
export const counters = /* @__PURE__ */ once(() => new ShardedCounters(config.tableName, config.counterShards));
export const rateLimiter = /* @__PURE__ */ once(() => new DynamoRateLimiter(config.tableName));
export const mailer = /* @__PURE__ */ once(() => new SesMailer(config.sesConfigurationSet));
export const letters = /* @__PURE__ */ once(() => new DynamoLetterStore(config.tableName));
export const dossiers = /* @__PURE__ */ once(() => new DynamoDossierStore(config.tableName));
export const ledger = /* @__PURE__ */ once(() => new DynamoDeliveryLedger(config.tableName));
export const dispatchQueue = /* @__PURE__ */ once(() => new SqsDispatchQueue(config.dispatchQueueUrl));
export const pacer = /* @__PURE__ */ once(() => new DynamoSendPacer(config.tableName, campaignFrom(config.campaignDir).id, config.maxSendRate));
export const sesEventLog = /* @__PURE__ */ once(() => new DynamoSesEventLog(config.tableName));
export const participation = /* @__PURE__ */ once(() => new DynamoParticipationStore(config.tableName));
export const photoStorage = /* @__PURE__ */ once(() => new S3PhotoStorage(() => config.photoBucket));
export const clock = () => systemClock;

/** Every adapter, for tools that want them all (handlers import only what they use: `import * as wiring`). */
export const wiring = { campaign, campaignState, campaignStateForSigning, missions, signatures, counters, rateLimiter, mailer, letters, dossiers, ledger, dispatchQueue, pacer, sesEventLog, participation, photoStorage, clock };
