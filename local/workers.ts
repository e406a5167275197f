/**
 * The local stand-in for Lambda's SQS event source mapping: takes batches of up to `batchSize` visible
 * messages, invokes the handler with an SQS event (at most `maxConcurrency` invocations at once),
 * deletes what succeeded and leaves the reported failures (or the whole batch, if the invocation threw)
 * to reappear after the visibility timeout, as SQS does.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { LocalQueue, QueueMessage } from './sqs';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface WorkerOptions {
  batchSize?: number;
  maxConcurrency: number;
  /**
   * An invocation still running after this long is abandoned, as Lambda ends a function at its timeout:
   * nothing of its batch is deleted, so it comes back after the visibility timeout. Default: none.
   */
  timeoutMs?: number;
  /** Called when an invocation throws or times out (a crash): the batch is retried after the visibility timeout. */
  onCrash?: (error: Error) => void;
}

export interface WorkerPool {
  /** Invocations running now. */
  busy(): number;
  invocations(): number;
  /** Stops taking batches and waits (up to `graceMs`) for the running invocations. */
  stop(graceMs?: number): Promise<void>;
}

function toRecord(m: QueueMessage, queueArn: string): SQSRecord {
  return {
    messageId: m.id,
    receiptHandle: m.receiptHandle!,
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(m.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt ?? m.sentAt),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: process.env.AWS_REGION ?? 'eu-west-2',
  };
}

export function startWorkers(queue: LocalQueue, handler: SqsHandler, options: WorkerOptions): WorkerPool {
  const batchSize = options.batchSize ?? 10;
  const arn = `arn:aws:sqs:local:000000000000:${queue.name}`;
  let running = 0;
  let total = 0;
  let stopped = false;
  const idle: (() => void)[] = [];

  const invoke = async (batch: QueueMessage[]) => {
    running++;
    total++;
    try {
      const invocation = handler({ Records: batch.map((m) => toRecord(m, arn)) });
      let timer: NodeJS.Timeout | undefined;
      const response = options.timeoutMs
        ? await Promise.race([
            invocation.finally(() => clearTimeout(timer)),
            new Promise<never>((_, fail) => {
              timer = setTimeout(() => fail(Object.assign(new Error(`Task timed out after ${options.timeoutMs} ms`), { name: 'Timeout' })), options.timeoutMs);
            }),
          ])
        : await invocation;
      const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      for (const m of batch) if (!failed.has(m.id)) queue.delete(m.id, m.receiptHandle!);
    } catch (e) {
      options.onCrash?.(e as Error);
    } finally {
      running--;
      if (running === 0) idle.splice(0).forEach((fn) => fn());
      pump();
    }
  };

  const pump = () => {
    while (!stopped && running < options.maxConcurrency) {
      const batch = queue.receive(batchSize);
      if (batch.length === 0) return;
      void invoke(batch);
    }
  };

  const unsubscribe = queue.onReady(() => setImmediate(pump));
  setImmediate(pump);

  return {
    busy: () => running,
    invocations: () => total,
    async stop(graceMs = 10_000) {
      stopped = true;
      unsubscribe();
      if (running === 0) return;
      await Promise.race([new Promise<void>((ok) => idle.push(ok)), new Promise<void>((ok) => setTimeout(ok, graceMs).unref())]);
    },
  };
}
