/**
 * The local stand-in for SQS: in-memory queues with the semantics the dispatch relies on (delivery
 * delay, visibility timeout, receive counts, redrive to a dead-letter queue after maxReceiveCount),
 * served over the SQS JSON protocol so the handlers' SqsDispatchQueue talks to it through the real SDK
 * (AWS_ENDPOINT_URL_SQS). Workers (local/workers.ts) take batches straight from the queue object.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface QueueMessage {
  id: string;
  body: string;
  receiveCount: number;
  /** Epoch ms when the message is next visible. */
  visibleAt: number;
  sentAt: number;
  firstReceivedAt?: number;
  receiptHandle?: string;
}

export interface LocalQueueOptions {
  visibilityTimeoutMs: number;
  /** After this many receives a message goes to `deadLetter` instead (SQS redrive policy). */
  maxReceiveCount?: number;
  deadLetter?: LocalQueue;
  now?: () => number;
}

/** One queue: a FIFO of visible messages plus the invisible (delayed or in flight) ones. */
export class LocalQueue {
  private ready: QueueMessage[] = [];
  private head = 0;
  /** Delayed messages and messages in flight, by id. */
  private hidden = new Map<string, QueueMessage>();
  private listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  readonly now: () => number;
  sent = 0;
  deleted = 0;

  constructor(
    readonly name: string,
    readonly options: LocalQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  send(body: string, delaySeconds = 0): QueueMessage {
    const now = this.now();
    const message: QueueMessage = { id: randomUUID(), body, receiveCount: 0, visibleAt: now + delaySeconds * 1000, sentAt: now };
    this.sent++;
    if (delaySeconds > 0) {
      this.hidden.set(message.id, message);
      this.schedule();
    } else this.ready.push(message);
    this.notify();
    return message;
  }

  /** Up to `max` visible messages, now in flight for the visibility timeout. */
  receive(max: number): QueueMessage[] {
    this.surface();
    const out: QueueMessage[] = [];
    const now = this.now();
    while (out.length < max && this.head < this.ready.length) {
      const m = this.ready[this.head++]!;
      if (this.options.maxReceiveCount !== undefined && m.receiveCount >= this.options.maxReceiveCount && this.options.deadLetter) {
        // SQS moves a message to the dead-letter queue when a receive would exceed maxReceiveCount.
        this.options.deadLetter.send(m.body);
        continue;
      }
      m.receiveCount++;
      m.firstReceivedAt ??= now;
      m.visibleAt = now + this.options.visibilityTimeoutMs;
      m.receiptHandle = randomUUID();
      this.hidden.set(m.id, m);
      out.push(m);
    }
    this.compact();
    if (out.length) this.schedule();
    return out;
  }

  /** Deletes a received message (its processing succeeded). False if the receipt is stale. */
  delete(id: string, receiptHandle: string): boolean {
    const m = this.hidden.get(id);
    if (!m || m.receiptHandle !== receiptHandle) return false;
    this.hidden.delete(id);
    this.deleted++;
    return true;
  }

  /** Makes a received message visible again after `seconds` (0: at once). */
  changeVisibility(id: string, receiptHandle: string, seconds: number): void {
    const m = this.hidden.get(id);
    if (!m || m.receiptHandle !== receiptHandle) return;
    m.visibleAt = this.now() + seconds * 1000;
    this.schedule();
    if (seconds === 0) this.notify();
  }

  purge(): void {
    this.ready = [];
    this.head = 0;
    this.hidden.clear();
  }

  counts(): { visible: number; inFlight: number; delayed: number } {
    this.surface();
    let inFlight = 0;
    let delayed = 0;
    for (const m of this.hidden.values()) {
      if (m.receiptHandle) inFlight++;
      else delayed++;
    }
    return { visible: this.ready.length - this.head, inFlight, delayed };
  }

  /** Calls `fn` whenever messages may have become visible. */
  onReady(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Bodies of every message (dead-letter inspection). */
  bodies(): string[] {
    this.surface();
    return [...this.ready.slice(this.head), ...this.hidden.values()].map((m) => m.body);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private notify() {
    for (const fn of this.listeners) fn();
  }

  /** Moves hidden messages whose time has come back to the visible FIFO. */
  private surface() {
    const now = this.now();
    for (const m of this.hidden.values()) {
      if (m.visibleAt <= now) {
        this.hidden.delete(m.id);
        m.receiptHandle = undefined;
        this.ready.push(m);
      }
    }
  }

  private compact() {
    if (this.head > 1024 && this.head * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
  }

  /** One timer for the earliest hidden message. */
  private schedule() {
    if (this.timer) clearTimeout(this.timer);
    let next = Infinity;
    for (const m of this.hidden.values()) if (m.visibleAt < next) next = m.visibleAt;
    if (next === Infinity) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.surface();
      this.notify();
      this.schedule();
    }, Math.max(0, next - this.now()) + 1);
    this.timer.unref();
  }
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** A subset of the SQS JSON API over the local queues (what the SDK and the organiser tools call). */
export async function startSqsServer(queues: Map<string, LocalQueue>, port = 0): Promise<{ url: string; queueUrl(name: string): string; stop(): Promise<void> }> {
  let base = '';
  const byUrl = (url: unknown) => (typeof url === 'string' ? queues.get(url.split('/').pop() ?? '') : undefined);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
    const reply = (status: number, body: unknown, errorType?: string) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...(errorType ? { 'x-amzn-query-error': `${errorType};Sender` } : {}) });
      res.end(JSON.stringify(body));
    };
    const fail = (type: string, message: string) => reply(400, { __type: `com.amazonaws.sqs#${type}`, message }, `AWS.SimpleQueueService.${type}`);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return fail('InvalidParameterValue', 'The request body is not JSON.');
    }
    const queue = byUrl(input.QueueUrl);
    if (target !== 'GetQueueUrl' && target !== 'ListQueues' && !queue) return fail('QueueDoesNotExist', `No queue at ${String(input.QueueUrl)}`);
    switch (target) {
      case 'SendMessage': {
        const body = String(input.MessageBody ?? '');
        const m = queue!.send(body, Number(input.DelaySeconds ?? 0));
        return reply(200, { MessageId: m.id, MD5OfMessageBody: md5(body) });
      }
      case 'SendMessageBatch': {
        const entries = (input.Entries ?? []) as { Id: string; MessageBody: string; DelaySeconds?: number }[];
        if (entries.length === 0 || entries.length > 10) return fail('TooManyEntriesInBatchRequest', 'A batch holds 1 to 10 entries.');
        const total = entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody ?? ''), 0);
        if (total > 256 * 1024) return fail('BatchRequestTooLong', 'A batch is at most 256 KiB.');
        const Successful = entries.map((e) => ({ Id: e.Id, MessageId: queue!.send(e.MessageBody, Number(e.DelaySeconds ?? 0)).id, MD5OfMessageBody: md5(e.MessageBody) }));
        return reply(200, { Successful, Failed: [] });
      }
      case 'GetQueueAttributes': {
        const c = queue!.counts();
        return reply(200, {
          Attributes: {
            ApproximateNumberOfMessages: String(c.visible),
            ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
            ApproximateNumberOfMessagesDelayed: String(c.delayed),
            VisibilityTimeout: String(Math.round(queue!.options.visibilityTimeoutMs / 1000)),
          },
        });
      }
      case 'GetQueueUrl': {
        const name = String(input.QueueName ?? '');
        return queues.has(name) ? reply(200, { QueueUrl: `${base}/000000000000/${name}` }) : fail('QueueDoesNotExist', `No queue named ${name}`);
      }
      case 'ListQueues':
        return reply(200, { QueueUrls: [...queues.keys()].map((n) => `${base}/000000000000/${n}`) });
      case 'PurgeQueue':
        queue!.purge();
        return reply(200, {});
      default:
        return fail('UnsupportedOperation', `The local queue does not implement ${target || 'this operation'}.`);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: base,
    queueUrl: (name) => `${base}/000000000000/${name}`,
    stop: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
