/**
 * The dispatch as deployed: the one-time schedule fires at 09:00 London time on 10 December (not an
 * hour off), retries and keeps failures; the work queue has a dead-letter queue; the worker reports
 * partial batch failures with capped concurrency; SES events reach their function; alarms watch it all.
 */
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readDeployConfig } from '../../infra/config';
import { dispatchScheduleExpression, MAX_RECEIVE_COUNT, WORKER_TIMEOUT } from '../../infra/dispatch';
import { LettersStack } from '../../infra/stack';
import { wallClockToInstant } from '../../functions/core/time';

const app = new App({ outdir: join(__dirname, '..', '..', 'cdk.out', 'test-dispatch') });
const config = readDeployConfig((k) => ({ stage: 'dev', campaign: 'free-expression-2026', mailFrom: 'letters@example.org', sesIdentity: 'example.org', maxSendRate: 14, dispatchConcurrency: 8 })[k as 'stage']);
const stack = new LettersStack(app, 'Dispatch-test', { config, env: { account: '123456789012', region: 'eu-west-2' } });
const t = Template.fromStack(stack);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const resources = (type: string) => Object.values(t.findResources(type)) as { Properties: Record<string, any> }[];

/** When Scheduler fires an `at(...)` expression in a time zone: the wall-clock time read in that zone. */
function firesAt(expression: string, timeZone: string): Date {
  const m = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!m) throw new Error(`not a one-time expression: ${expression}`);
  return wallClockToInstant(m[1]!.slice(0, 16), timeZone);
}

describe('the dispatch schedule', () => {
  const schedule = resources('AWS::Scheduler::Schedule')[0]!.Properties;

  it('fires once, at 09:00 in London on 10 December 2026 (09:00 UTC, GMT in winter)', () => {
    expect(schedule.ScheduleExpression).toBe('at(2026-12-10T09:00:00)');
    expect(schedule.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(firesAt(schedule.ScheduleExpression, schedule.ScheduleExpressionTimezone).toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(schedule.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
  });

  it('keeps the wall-clock time of a zone with an offset (summer time, other zones)', () => {
    const summer = dispatchScheduleExpression('2027-06-10T09:00', 'Europe/London');
    expect(firesAt(summer.expression, summer.timeZone).toISOString()).toBe('2027-06-10T08:00:00.000Z');
    const lima = dispatchScheduleExpression('2026-12-10T09:00', 'America/Lima');
    expect(firesAt(lima.expression, lima.timeZone).toISOString()).toBe('2026-12-10T14:00:00.000Z');
  });

  it('invokes dispatch-start with retries and a dead-letter queue', () => {
    expect(schedule.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 20, MaximumEventAgeInSeconds: 21600 });
    expect(JSON.stringify(schedule.Target.DeadLetterConfig.Arn)).toMatch(/ScheduleDlq/);
    expect(JSON.stringify(schedule.Target.Arn)).toMatch(/DispatchStart/);
  });
});

describe('the work queue and its workers', () => {
  it('redrives a message that failed 10 times to a dead-letter queue, with a visibility timeout six times the worker timeout', () => {
    const queues = resources('AWS::SQS::Queue');
    const work = queues.find((q) => q.Properties.RedrivePolicy)!;
    expect(work.Properties.RedrivePolicy.maxReceiveCount).toBe(MAX_RECEIVE_COUNT);
    expect(work.Properties.VisibilityTimeout).toBe(WORKER_TIMEOUT.toSeconds() * 6);
  });

  it('runs dispatch-send from the queue in batches of 10 with partial batch failures and capped concurrency', () => {
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 8 },
    });
  });

  it('paces the workers to the configured send rate and lets them send only as the campaign identity', () => {
    const worker = resources('AWS::Lambda::Function').find((f) => JSON.stringify(f.Properties.Handler ?? '') && f.Properties.Timeout === WORKER_TIMEOUT.toSeconds())!;
    expect(worker.Properties.Environment.Variables).toMatchObject({ MAX_SEND_RATE: '14', MAIL_FROM: 'letters@example.org' });
    const policies = JSON.stringify(resources('AWS::IAM::Policy').map((p) => p.Properties.PolicyDocument.Statement));
    expect(policies).toContain('ses:SendEmail');
    expect(policies).not.toMatch(/"ses:\*"|"Resource":"\*".{0,40}ses:SendEmail/);
  });
});

describe('SES events', () => {
  it('publishes sends, deliveries, bounces and complaints of the configuration set to SNS, into the events function', () => {
    t.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: Match.arrayWith(['send', 'delivery', 'bounce', 'complaint']), SnsDestination: Match.anyValue() }),
    });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: Match.anyValue() });
  });

  it('alarms on dead letters, a stale backlog, and the bounce and complaint rates', () => {
    const alarms = resources('AWS::CloudWatch::Alarm').map((a) => ({ metric: a.Properties.MetricName, threshold: a.Properties.Threshold }));
    expect(alarms).toEqual(expect.arrayContaining([
      { metric: 'ApproximateNumberOfMessagesVisible', threshold: 1 },
      { metric: 'ApproximateAgeOfOldestMessage', threshold: 10800 },
      { metric: 'Reputation.BounceRate', threshold: 0.02 },
      { metric: 'Reputation.ComplaintRate', threshold: 0.0005 },
    ]));
  });

  it('tells the organiser tools the schedule to move', () => {
    t.hasOutput('DispatchScheduleName', { Value: 'Dispatch-test-dispatch' });
    t.hasOutput('DispatchScheduleGroup', { Value: 'default' });
  });
});
