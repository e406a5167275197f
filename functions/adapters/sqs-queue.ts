/**
 * The dispatch queue on SQS (the local runtime serves the same API): SendMessageBatch over SQS's JSON
 * protocol, batches of 10, failed entries retried.
 */
import type { DispatchMessage } from '../core/dispatch';
import { awsErrorOf, awsFetch, endpointOverride } from '../clients';

interface BatchResult {
  Failed?: { Id: string; Code?: string; Message?: string; SenderFault?: boolean }[];
}

export class SqsDispatchQueue {
  constructor(private readonly queueUrl: string) {}

  async send(messages: DispatchMessage[], delaySeconds?: number): Promise<void> {
    // As the SDK does, the request goes to the queue URL's own host unless an endpoint is set.
    const endpoint = `${endpointOverride('sqs') ?? new URL(this.queueUrl).origin}/`;
    for (let i = 0; i < messages.length; i += 10) {
      let entries = messages.slice(i, i + 10).map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m), ...(delaySeconds ? { DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))) } : {}) }));
      for (let attempt = 0; entries.length; attempt++) {
        const res = await awsFetch('sqs', endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessageBatch' },
          body: JSON.stringify({ QueueUrl: this.queueUrl, Entries: entries }),
          retries: 2,
        });
        if (!res.ok) throw await awsErrorOf(res);
        const { Failed = [] } = (await res.json()) as BatchResult;
        const failed = new Set(Failed.map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        if (entries.length) {
          if (attempt >= 5) throw new Error(`SQS refused ${entries.length} dispatch message(s): ${Failed[0]?.Message ?? 'no reason given'}`);
          await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
        }
      }
    }
  }
}
