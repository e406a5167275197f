/**
 * The dispatch on one machine: the local queue (SQS semantics, local/sqs.ts) with its dead-letter
 * queue, the workers that run dispatch-send on it (local/workers.ts), and the scheduler that fires
 * dispatch-start at the campaign's dispatch time, as EventBridge Scheduler does on AWS.
 *
 * Routes (loopback only): POST /local/dispatch starts the dispatch now (`npm run dispatch`), or with
 * {"resume":true} resumes an interrupted one; GET /local/dispatch reports progress.
 *
 * The queue lives in memory: if `npm start` stops mid-dispatch, the next start resumes the dispatch
 * (enumerating again; letters already sent are skipped by their claims), so nothing is lost.
 */
import type { APIGatewayProxyEventV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { LocalService, StackContext } from './stack';
import { LocalQueue, startSqsServer } from './sqs';
import { startWorkers, type WorkerPool } from './workers';
import type { DispatchDeps } from '../functions/use-cases/dispatch';
import type { MissionLedger } from '../functions/core/dispatch';

export interface DispatchServiceOptions {
  /** Visibility timeout of the work queue (default LOCAL_QUEUE_VISIBILITY_SECONDS or 30). */
  visibilityTimeoutSeconds?: number;
  /** Receives before a message goes to the dead-letter queue (default 10, as in infra/dispatch.ts). */
  maxReceiveCount?: number;
  /** Worker invocations at once (default DISPATCH_MAX_CONCURRENCY or 10, as in infra/dispatch.ts). */
  maxConcurrency?: number;
  /** Worker invocation timeout in ms (Lambda's function timeout; default 120000, as in infra/dispatch.ts). */
  workerTimeoutMs?: number;
  /** Fire dispatch-start at the dispatch time (default true). */
  scheduler?: boolean;
  /** How often the scheduler re-reads the campaign state for a rescheduled time (ms). */
  schedulerPollMs?: number;
  /** Wraps the worker handler (tests inject crashes the stand-ins cannot produce). */
  wrapWorker?: (handler: (event: SQSEvent) => Promise<SQSBatchResponse>) => (event: SQSEvent) => Promise<SQSBatchResponse>;
}

export interface DispatchStatus {
  campaignId: string;
  status: string;
  dispatchAt: string;
  run?: string;
  startedAt?: string;
  totals: MissionLedger;
  missions: Record<string, MissionLedger>;
  enumerationsPending: number;
  queue: { visible: number; inFlight: number; delayed: number };
  deadLetters: number;
  workersBusy: number;
  maxSendRate: number;
  updatedAt: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export interface DispatchService extends LocalService {
  /** The live parts, once started (tests and benchmarks look inside). */
  runtime(): { queue: LocalQueue; deadLetter: LocalQueue; workers: WorkerPool; deps: DispatchDeps; status(): Promise<DispatchStatus>; fire(source: string): Promise<unknown> } | undefined;
}

export function dispatchService(options: DispatchServiceOptions = {}): DispatchService {
  let live: ReturnType<DispatchService['runtime']>;
  return {
    name: 'dispatch',
    runtime: () => live,
    async start(ctx: StackContext) {
      const visibilityMs = (options.visibilityTimeoutSeconds ?? envInt('LOCAL_QUEUE_VISIBILITY_SECONDS', 30)) * 1000;
      const deadLetter = new LocalQueue('dispatch-dlq', { visibilityTimeoutMs: visibilityMs });
      const queue = new LocalQueue('dispatch', { visibilityTimeoutMs: visibilityMs, maxReceiveCount: options.maxReceiveCount ?? 10, deadLetter });
      const sqs = await startSqsServer(new Map([[queue.name, queue], [deadLetter.name, deadLetter]]));
      const env = { AWS_ENDPOINT_URL_SQS: sqs.url, DISPATCH_QUEUE_URL: sqs.queueUrl(queue.name), DISPATCH_DLQ_URL: sqs.queueUrl(deadLetter.name) };
      // Locally the end of a dispatch is noticed within 2 s (on AWS every 10 s is cheaper and soon enough).
      if (!process.env.DISPATCH_WATCH_SECONDS) Object.assign(env, { DISPATCH_WATCH_SECONDS: '2' });
      Object.assign(process.env, env);
      Object.assign(ctx.env, env);

      const sendModule = ctx.load<{ handler: (e: SQSEvent) => Promise<SQSBatchResponse> }>('functions/handlers/dispatch-send');
      const startModule = ctx.load<{ handler: (e: unknown) => Promise<unknown> }>('functions/handlers/dispatch-start');
      const { dispatchDeps } = ctx.load<typeof import('../functions/handlers/dispatch-deps')>('functions/handlers/dispatch-deps');
      const { resumeDispatch } = ctx.load<typeof import('../functions/use-cases/dispatch')>('functions/use-cases/dispatch');
      const { dispatchInstant } = ctx.load<typeof import('../functions/core/campaign')>('functions/core/campaign');
      const { totalLedger } = ctx.load<typeof import('../functions/core/dispatch')>('functions/core/dispatch');
      const { config } = ctx.load<typeof import('../functions/config')>('functions/config');
      const deps = dispatchDeps();
      const handler = options.wrapWorker ? options.wrapWorker(sendModule.handler) : sendModule.handler;
      const workers = startWorkers(queue, handler, {
        maxConcurrency: options.maxConcurrency ?? envInt('DISPATCH_MAX_CONCURRENCY', 10),
        timeoutMs: options.workerTimeoutMs ?? 120_000,
        onCrash: (e) => {
          if (!ctx.quiet) process.stderr.write(`local dispatch worker: invocation failed (${e.name}: ${e.message.slice(0, 120)}); its batch returns to the queue\n`);
        },
      });

      const fire = (source: string) => startModule.handler({ source, 'detail-type': 'Scheduled Event', time: new Date().toISOString() });

      const status = async (): Promise<DispatchStatus> => {
        const [state, snapshot] = await Promise.all([deps.campaignState.get(deps.campaign.id), deps.ledger.read(deps.campaign.id)]);
        return {
          campaignId: deps.campaign.id,
          status: state?.status ?? 'open',
          dispatchAt: dispatchInstant(deps.campaign, state).toISOString(),
          run: snapshot.run,
          startedAt: snapshot.startedAt,
          totals: totalLedger(snapshot.missions),
          missions: snapshot.missions,
          enumerationsPending: snapshot.enumerationsPending,
          queue: queue.counts(),
          deadLetters: deadLetter.counts().visible + deadLetter.counts().delayed + deadLetter.counts().inFlight,
          workersBusy: workers.busy(),
          maxSendRate: config.maxSendRate,
          updatedAt: new Date().toISOString(),
        };
      };
      live = { queue, deadLetter, workers, deps, status, fire };

      // An interrupted dispatch (the process stopped with work in the in-memory queue) carries on.
      const state = await deps.campaignState.get(deps.campaign.id);
      if (state?.status === 'dispatching') {
        const r = await resumeDispatch(deps);
        ctx.log(`Resumed the interrupted dispatch (${r.messages} tasks enqueued again; letters already sent are skipped).`);
      }

      // The scheduler: one timer for the dispatch instant, re-read now and then (an organiser may reschedule).
      let timer: NodeJS.Timeout | undefined;
      let poll: NodeJS.Timeout | undefined;
      let armedFor = 0;
      const arm = async () => {
        const s = await deps.campaignState.get(deps.campaign.id);
        if ((s?.status ?? 'open') !== 'open') {
          if (timer) clearTimeout(timer);
          timer = undefined;
          return;
        }
        const at = dispatchInstant(deps.campaign, s).getTime();
        if (at === armedFor && timer) return;
        armedFor = at;
        if (timer) clearTimeout(timer);
        // setTimeout holds at most ~24.8 days: a later instant is re-armed on the way.
        const wait = Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1);
        timer = setTimeout(() => {
          timer = undefined;
          if (Date.now() + 5 < at) return void arm();
          if (!ctx.quiet) console.log(`Local scheduler: dispatch time reached (${new Date(at).toISOString()}), starting the dispatch.`);
          fire('local.scheduler').catch((e: Error) => process.stderr.write(`local scheduler: dispatch-start failed: ${e.message}\n`));
        }, wait);
        timer.unref();
      };
      if (options.scheduler !== false) {
        await arm();
        poll = setInterval(() => void arm().catch(() => undefined), options.schedulerPollMs ?? 30_000);
        poll.unref();
      }

      const fromLoopback = (e: APIGatewayProxyEventV2) => LOOPBACK.has(e.requestContext.http.sourceIp);
      const reply = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) });
      const forbidden = reply(403, { error: { code: 'forbidden', message: 'The local dispatch routes answer on this machine only.' } });

      return {
        describe: options.scheduler === false ? undefined : `Dispatch:  ${new Date(armedFor || dispatchInstant(deps.campaign, state).getTime()).toISOString()} (local scheduler; \`npm run dispatch\` starts it now)`,
        routes: [
          {
            method: 'POST',
            path: '/local/dispatch',
            handler: async (e) => {
              if (!fromLoopback(e)) return forbidden;
              let body: { resume?: boolean } = {};
              try {
                body = e.body ? (JSON.parse(e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body) as typeof body) : {};
              } catch {
                return reply(400, { error: { code: 'invalid_json', message: 'The body must be JSON.' } });
              }
              const result = body.resume ? await resumeDispatch(deps) : await fire('local.manual');
              return reply(200, { result, status: await status() });
            },
          },
          {
            // Names and address state for the report (never the addresses themselves).
            method: 'GET',
            path: '/local/missions',
            handler: async (e) => {
              if (!fromLoopback(e)) return forbidden;
              const list = await deps.missions.list();
              return reply(200, { missions: list.map((m) => ({ id: m.id, name: m.name, countryCode: m.countryCode, email: m.email ? 'set' : '', emailStatus: m.emailStatus })) });
            },
          },
          {
            method: 'GET',
            path: '/local/dispatch',
            handler: async (e) => (fromLoopback(e) ? reply(200, await status()) : forbidden),
          },
        ],
        stop: async () => {
          if (timer) clearTimeout(timer);
          if (poll) clearInterval(poll);
          await workers.stop();
          queue.stop();
          deadLetter.stop();
          await sqs.stop();
          live = undefined;
        },
      };
    },
  };
}
