/**
 * SQS worker: each message is one dispatch step (enumerate a page of letters, or send one letter).
 * Failed messages are reported individually (partial batch failure): the rest of the batch is done.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DispatchMessage } from '../core/dispatch';
import { log } from '../logger';
import { handleDispatchMessage, RetryLater } from '../use-cases/dispatch';
import { dispatchDeps } from './dispatch-deps';

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const deps = dispatchDeps();
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  // One at a time: sends are paced anyway, and a slow SES call never holds back a claim's lease.
  for (const record of event.Records) {
    try {
      await handleDispatchMessage(JSON.parse(record.body) as DispatchMessage, deps);
    } catch (e) {
      if (!(e instanceof RetryLater)) log.warn('dispatch.step_failed', { campaignId: deps.campaign.id, messageId: record.messageId, error: (e as Error).name, reason: (e as Error).message.slice(0, 200) });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
