/**
 * The local mailer's events. On AWS, SES publishes configuration-set events (delivery, bounce,
 * complaint) through SNS to the ses-events function. Locally, the handlers' SES endpoint is this tap:
 * it passes every request to the local SES (the mailbox) and, for each mail SES accepted, feeds the
 * same handler the event SES would publish: Delivery, or for the SES mailbox-simulator addresses
 * (bounce@, complaint@, suppressionlist@simulator.amazonses.com) a Bounce or a Complaint.
 */
import { createServer, request, type Server } from 'node:http';
import type { SNSEvent } from 'aws-lambda';
import type { LocalService } from './stack';

type EventsHandler = (event: SNSEvent) => Promise<void>;

interface SentMail {
  messageId: string;
  to: string[];
  tags: Record<string, string[]>;
}

/** The SES event types a local mail produces, by recipient (the SES mailbox simulator's rules). */
export function simulatedEvents(recipient: string): { eventType: string; bounce?: object; complaint?: object }[] {
  const local = recipient.toLowerCase();
  if (local.startsWith('bounce@simulator.amazonses.com')) return [{ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General' } }];
  if (local.startsWith('suppressionlist@simulator.amazonses.com')) return [{ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList' } }];
  if (local.startsWith('complaint@simulator.amazonses.com')) return [{ eventType: 'Delivery' }, { eventType: 'Complaint', complaint: { complaintFeedbackType: 'abuse' } }];
  return [{ eventType: 'Delivery' }];
}

function snsEvent(message: object): SNSEvent {
  const now = new Date().toISOString();
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:local:000000000000:ses-events:local',
        Sns: {
          Type: 'Notification',
          MessageId: crypto.randomUUID(),
          TopicArn: 'arn:aws:sns:local:000000000000:ses-events',
          Subject: '',
          Message: JSON.stringify(message),
          Timestamp: now,
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

export interface SesEventsOptions {
  /** Events handled at once (they share the local DynamoDB with the dispatch). Default 4. */
  concurrency?: number;
}

/** The tap as a local service: sets AWS_ENDPOINT_URL_SESV2 for the handlers to itself. */
export function sesEventsService(options: SesEventsOptions = {}): LocalService & { pending(): number; drained(): Promise<void> } {
  const backlog: SentMail[] = [];
  let active = 0;
  let waiters: (() => void)[] = [];
  let handler: EventsHandler | undefined;
  const concurrency = options.concurrency ?? 4;

  const pump = () => {
    while (handler && active < concurrency && backlog.length > 0) {
      const mail = backlog.shift()!;
      active++;
      void (async () => {
        try {
          for (const to of mail.to) {
            for (const e of simulatedEvents(to)) {
              await handler!(snsEvent({ ...e, mail: { messageId: mail.messageId, destination: mail.to, tags: mail.tags, timestamp: new Date().toISOString() } }));
            }
          }
        } catch (e) {
          process.stderr.write(`local SES events: the ses-events handler failed: ${(e as Error).message}\n`);
        } finally {
          active--;
          if (active === 0 && backlog.length === 0) waiters.splice(0).forEach((fn) => fn());
          pump();
        }
      })();
    }
  };

  return {
    name: 'ses-events',
    pending: () => backlog.length + active,
    drained: () => (backlog.length + active === 0 ? Promise.resolve() : new Promise((ok) => waiters.push(ok))),
    async start(ctx) {
      const target = new URL(ctx.sesUrl);
      const server: Server = createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const body = Buffer.concat(chunks);
        const upstream = request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
          (up) => {
            const out: Buffer[] = [];
            up.on('data', (c: Buffer) => out.push(c));
            up.on('end', () => {
              const answer = Buffer.concat(out);
              res.writeHead(up.statusCode ?? 502, up.headers);
              res.end(answer);
              if (req.method === 'POST' && req.url?.startsWith('/v2/email/outbound-emails') && up.statusCode === 200) {
                try {
                  const sent = JSON.parse(body.toString('utf8')) as { Destination?: { ToAddresses?: string[] }; EmailTags?: { Name: string; Value: string }[] };
                  const { MessageId } = JSON.parse(answer.toString('utf8')) as { MessageId?: string };
                  if (!MessageId) return;
                  const tags: Record<string, string[]> = {};
                  for (const t of sent.EmailTags ?? []) tags[t.Name] = [t.Value];
                  backlog.push({ messageId: MessageId, to: sent.Destination?.ToAddresses ?? [], tags });
                  pump();
                } catch {
                  /* not a mail we can read: no event, as SES would have none either */
                }
              }
            });
          },
        );
        upstream.on('error', (e) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`local SES unreachable: ${e.message}`);
        });
        upstream.end(body);
      });
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', () => ok());
      });
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      process.env.AWS_ENDPOINT_URL_SESV2 = url;
      ctx.env.AWS_ENDPOINT_URL_SESV2 = url;
      handler = ctx.load<{ handler: EventsHandler }>('functions/handlers/ses-events').handler;
      return {
        stop: async () => {
          handler = undefined;
          await new Promise<void>((ok) => {
            server.closeAllConnections();
            server.close(() => ok());
          });
        },
      };
    },
  };
}
