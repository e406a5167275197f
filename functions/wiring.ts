/**
 * The AWS adapters, built once per process on first use. Handlers take what they need at module
 * scope; tests and the local runtime reach the same code through the AWS_ENDPOINT_URL_* variables.
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

export const wiring = {
  campaign: once(() => campaignFrom(config.campaignDir)),
  campaignState: once(() => new DynamoCampaignStateStore(config.tableName)),
  /** The state read through a 2-second cache, for signing (see cachedCampaignState). */
  campaignStateForSigning: once(() => cachedCampaignState(new DynamoCampaignStateStore(config.tableName), 2000)),
  missions: once(() => new DynamoMissionDirectory(config.tableName)),
  signatures: once(() => new DynamoSignatureStore(config.tableName)),
  counters: once(() => new ShardedCounters(config.tableName, config.counterShards)),
  rateLimiter: once(() => new DynamoRateLimiter(config.tableName)),
  mailer: once(() => new SesMailer(config.sesConfigurationSet)),
  letters: once(() => new DynamoLetterStore(config.tableName)),
  dossiers: once(() => new DynamoDossierStore(config.tableName)),
  ledger: once(() => new DynamoDeliveryLedger(config.tableName)),
  dispatchQueue: once(() => new SqsDispatchQueue(config.dispatchQueueUrl)),
  pacer: once(() => new DynamoSendPacer(config.tableName, campaignFrom(config.campaignDir).id, config.maxSendRate)),
  sesEventLog: once(() => new DynamoSesEventLog(config.tableName)),
  participation: once(() => new DynamoParticipationStore(config.tableName)),
  photoStorage: once(() => new S3PhotoStorage(() => config.photoBucket)),
  clock: () => systemClock,
};
