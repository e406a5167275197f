/**
 * The one place AWS SDK clients are built, once per process. Endpoints come from the standard
 * AWS_ENDPOINT_URL_<SERVICE> variables, so the same code reaches dynalite and the local SES.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { S3Client } from '@aws-sdk/client-s3';

let dynamo: DynamoDBDocumentClient | undefined;
let ses: SESv2Client | undefined;
let sqs: SQSClient | undefined;
let scheduler: SchedulerClient | undefined;
let s3: S3Client | undefined;

/** DynamoDB document client (marshalling of plain JS values, undefined values dropped). */
export function dynamoClient(): DynamoDBDocumentClient {
  return (dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), {
    marshallOptions: { removeUndefinedValues: true },
  }));
}

/** SES v2 client. Retries are ours (dispatch paces and backs off itself), so the SDK tries once more at most. */
export function sesClient(): SESv2Client {
  return (ses ??= new SESv2Client({ maxAttempts: 2 }));
}

export function sqsClient(): SQSClient {
  return (sqs ??= new SQSClient({}));
}

export function schedulerClient(): SchedulerClient {
  return (scheduler ??= new SchedulerClient({}));
}

export function s3Client(): S3Client {
  return (s3 ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }));
}

/** Forgets the clients, so the next call builds them from the current environment (tools that switch local stacks). */
export function resetClients(): void {
  dynamo?.destroy();
  ses?.destroy();
  sqs?.destroy();
  dynamo = ses = sqs = undefined;
}
