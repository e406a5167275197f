/**
 * SQS worker: each message is one dispatch step (enumerate a page of letters, send one letter or one
 * dossier, check for the end). The letters of a batch are sent side by side (their send slots are
 * taken together, see DynamoSendPacer); failed messages are reported individually (partial batch
 * failure), so the rest of the batch is done.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DispatchMessage } from '../core/dispatch';
import { log } from '../logger';
import { handleDispatchMessage, RetryLater } from '../use-cases/dispatch';
import { dispatchDeps } from './dispatch-deps';

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const deps = dispatchDeps();
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  const run = async (record: SQSRecord) => {
    try {
      await handleDispatchMessage(JSON.parse(record.body) as DispatchMessage, deps);
    } catch (e) {
      if (!(e instanceof RetryLater)) log.warn('dispatch.step_failed', { campaignId: deps.campaign.id, messageId: record.messageId, error: (e as Error).name, reason: (e as Error).message.slice(0, 200) });
      failures.push({ itemIdentifier: record.messageId });
    }
  };
  const isSend = (r: SQSRecord) => r.body.includes('"kind":"send"');
  await Promise.all(event.Records.filter(isSend).map(run));
  for (const record of event.Records.filter((r) => !isSend(r))) await run(record);
  return { batchItemFailures: failures };
}
