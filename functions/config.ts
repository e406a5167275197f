/**
 * Every environment variable the functions read, read once and typed. A variable a function needs
 * but lacks fails at cold start (module scope), not in the middle of a request.
 */
function required(name: string, what: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing environment variable ${name}: ${what}`);
  }
  return value;
}

function optionalInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`Environment variable ${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

function optionalNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Environment variable ${name} must be a positive number, got "${raw}"`);
  return value;
}

function memo<T>(read: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: read() }).value;
}

const readers = {
  /** The single DynamoDB table. */
  tableName: memo(() => required('TABLE_NAME', 'the DynamoDB table holding signatures, counters and state')),
  /** Folder holding campaign.json and the letter files (bundled next to the handler on AWS). */
  campaignDir: memo(() => required('CAMPAIGN_DIR', 'the folder with campaign.json and letter.<lang>.md')),
  /** Public origin of the site, for links in mails (no trailing slash). */
  publicUrl: memo(() => required('PUBLIC_URL', 'the public site origin used in mail links, e.g. https://letters.example.org').replace(/\/+$/, '')),
  /** Verified SES identity letters and confirmations are sent from. */
  mailFrom: memo(() => required('MAIL_FROM', 'the verified SES sender address, e.g. letters@example.org')),
  /** SES configuration set whose events feed the delivery ledger (optional locally). */
  sesConfigurationSet: memo(() => process.env.SES_CONFIGURATION_SET || undefined),
  /** Number of counter shards: keeps each counter key far below DynamoDB's per-key write limit. */
  counterShards: memo(() => optionalInt('COUNTER_SHARDS', 64)),
  /** Seconds the stats endpoint may be cached by browsers and CDNs. */
  statsMaxAgeSeconds: memo(() => optionalInt('STATS_MAX_AGE_SECONDS', 15, 0)),
  /** SQS queue that carries dispatch work to the send workers. */
  dispatchQueueUrl: memo(() => required('DISPATCH_QUEUE_URL', 'the SQS queue URL dispatch-start fills and dispatch-send drains')),
  /** The account's SES maximum send rate (messages/second) that all workers together stay under. */
  maxSendRate: memo(() => optionalNumber('MAX_SEND_RATE', 14)),
  /** Seconds a worker holds a claimed letter; another may take it over after (longer than any one send). */
  dispatchLeaseSeconds: memo(() => optionalInt('DISPATCH_LEASE_SECONDS', 300)),
  /** Seconds between two checks of whether the dispatch has finished. */
  dispatchWatchSeconds: memo(() => optionalInt('DISPATCH_WATCH_SECONDS', 10)),
  /** Private bucket for uploaded photos. */
  photoBucket: memo(() => required('PHOTO_BUCKET', 'the private S3 bucket for action photos')),
};

/** Typed, lazily-validated configuration. Reading a property the first time validates it. */
export const config = {
  get tableName() { return readers.tableName(); },
  get campaignDir() { return readers.campaignDir(); },
  get publicUrl() { return readers.publicUrl(); },
  get mailFrom() { return readers.mailFrom(); },
  get sesConfigurationSet() { return readers.sesConfigurationSet(); },
  get counterShards() { return readers.counterShards(); },
  get statsMaxAgeSeconds() { return readers.statsMaxAgeSeconds(); },
  get dispatchQueueUrl() { return readers.dispatchQueueUrl(); },
  get maxSendRate() { return readers.maxSendRate(); },
  get dispatchLeaseSeconds() { return readers.dispatchLeaseSeconds(); },
  get dispatchWatchSeconds() { return readers.dispatchWatchSeconds(); },
  get photoBucket() { return readers.photoBucket(); },
};
