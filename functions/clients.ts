/**
 * The one place AWS clients are built, once per process. Endpoints come from the standard
 * AWS_ENDPOINT_URL_<SERVICE> variables, so the same code reaches dynalite, the local SES and the local
 * S3 stand-in.
 *
 * DynamoDB (and the organiser's Scheduler calls) go through the AWS SDK. SES v2, S3 and SQS are plain
 * HTTPS APIs that the functions call in one to five ways (send a mail; presign, get, put, copy, delete
 * an object; send a batch of messages): those requests are signed by aws4fetch with the credentials and
 * region the SDK resolved, because their SDK clients would add 25-155 KB to a function's bundle and
 * put six functions over 300 KB (README, Benchmarks, `cold-start`).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { AwsClient, AwsV4Signer } from 'aws4fetch';

let dynamo: DynamoDBDocumentClient | undefined;
let scheduler: SchedulerClient | undefined;

/** DynamoDB document client (marshalling of plain JS values, undefined values dropped). */
export function dynamoClient(): DynamoDBDocumentClient {
  return (dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), {
    marshallOptions: { removeUndefinedValues: true },
  }));
}

export function schedulerClient(): SchedulerClient {
  return (scheduler ??= new SchedulerClient({}));
}

/** Forgets the clients, so the next call builds them from the current environment (tools that switch local stacks). */
export function resetClients(): void {
  dynamo?.destroy();
  dynamo = undefined;
}

export interface AwsIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
}

/**
 * The credentials and region the SDK resolves for this process (the DynamoDB client's, which every
 * function has): in Lambda the role's credentials from the environment, on an organiser's machine the
 * full chain (profile, SSO, ...). Resolved per request: the SDK caches and refreshes them.
 */
export async function awsIdentity(): Promise<AwsIdentity> {
  const resolved = dynamoClient().config as unknown as { credentials: () => Promise<Omit<AwsIdentity, 'region'>>; region: () => Promise<string> };
  const [{ accessKeyId, secretAccessKey, sessionToken }, region] = await Promise.all([resolved.credentials(), resolved.region()]);
  return { accessKeyId, secretAccessKey, sessionToken, region };
}

export type SignedService = 'ses' | 's3' | 'sqs';
const ENDPOINT_VARIABLE: Record<SignedService, string> = { ses: 'AWS_ENDPOINT_URL_SESV2', s3: 'AWS_ENDPOINT_URL_S3', sqs: 'AWS_ENDPOINT_URL_SQS' };

/** The endpoint set for the service in the environment (a local stand-in), without a trailing slash. */
export function endpointOverride(service: SignedService): string | undefined {
  const url = process.env[ENDPOINT_VARIABLE[service]] || process.env.AWS_ENDPOINT_URL;
  return url ? url.replace(/\/+$/, '') : undefined;
}

/** An error answer of an AWS API, named by its error code as the SDK names its exceptions. */
export class AwsServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $retryable?: { throttling: boolean };
  readonly $metadata: { httpStatusCode: number };

  constructor(name: string, message: string, status: number, retryable = false) {
    super(message);
    this.name = name;
    this.$fault = status >= 500 || status === 0 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: status };
    if (retryable || status === 429 || status >= 500) this.$retryable = { throttling: status === 429 };
  }
}

/** Reads an AWS error answer: REST-JSON (x-amzn-ErrorType, { message }) or S3's XML (<Code>, <Message>). */
export async function awsErrorOf(res: Response): Promise<AwsServiceError> {
  const text = await res.text().catch(() => '');
  let json: { __type?: string; code?: string; message?: string; Message?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // S3 answers in XML; an empty body (HEAD, some 5xx) has neither.
  }
  const xml = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1];
  const code = (res.headers.get('x-amzn-errortype') ?? '').split(':')[0] || xml('Code') || (json.__type ?? json.code ?? '').split('#').pop() || `Http${res.status}`;
  const message = json.message ?? json.Message ?? xml('Message') ?? (res.statusText || `HTTP ${res.status}`);
  return new AwsServiceError(code, message, res.status);
}

/** A request that has not been answered after this long fails as a retryable TimeoutError. */
const REQUEST_TIMEOUT_MS = 20_000;

// Derived signing keys, per secret, day, region and service: shared by every request of the process.
const signingKeys = new Map<string, ArrayBuffer>();

export interface SignedRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Retries of 5xx and 429 answers, with jittered backoff. Default 0: the caller decides. */
  retries?: number;
}

/**
 * Sends one SigV4-signed request to an AWS API. A failure to reach the service at all (refused, reset,
 * timed out) becomes a retryable AwsServiceError named NetworkError or TimeoutError; answers, errors
 * included, are returned for the caller to read (awsErrorOf).
 */
export async function awsFetch(service: SignedService, url: string, req: SignedRequest): Promise<Response> {
  const client = new AwsClient({ ...(await awsIdentity()), service, cache: signingKeys, retries: req.retries ?? 0 });
  try {
    return await client.fetch(url, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new AwsServiceError('TimeoutError', `${service} did not answer in time`, 0, true);
    throw new AwsServiceError('NetworkError', `${service} unreachable: ${err.cause?.code ?? err.cause?.message ?? err.message}`, 0, true);
  }
}

/**
 * A presigned URL (SigV4 in the query string) for one request, valid for `expiresSeconds`. Headers given
 * are signed too, so a request that sends other values for them fails the signature check.
 */
export async function presignUrl(
  service: SignedService,
  url: string,
  req: { method: 'GET' | 'PUT'; headers?: Record<string, string>; expiresSeconds: number; identity?: AwsIdentity; datetime?: string },
): Promise<string> {
  const target = new URL(url);
  target.searchParams.set('X-Amz-Expires', String(req.expiresSeconds));
  const signer = new AwsV4Signer({
    ...(req.identity ?? (await awsIdentity())),
    service,
    cache: signingKeys,
    method: req.method,
    url: target.toString(),
    headers: req.headers,
    signQuery: true,
    allHeaders: true,
    datetime: req.datetime,
  });
  return (await signer.sign()).url.toString();
}
