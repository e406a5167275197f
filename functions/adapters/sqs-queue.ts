/** The dispatch queue on SQS (the local runtime serves the same API): batches of 10, failed entries retried. */
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { DispatchMessage } from '../core/dispatch';
import { sqsClient } from '../clients';

export class SqsDispatchQueue {
  constructor(private readonly queueUrl: string) {}

  async send(messages: DispatchMessage[], delaySeconds?: number): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      let entries = messages.slice(i, i + 10).map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m), ...(delaySeconds ? { DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))) } : {}) }));
      for (let attempt = 0; entries.length; attempt++) {
        const res = await sqsClient().send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((res.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        if (entries.length) {
          if (attempt >= 5) throw new Error(`SQS refused ${entries.length} dispatch message(s): ${res.Failed?.[0]?.Message ?? 'no reason given'}`);
          await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
        }
      }
    }
  }
}
