/**
 * The dispatch on AWS: a one-time EventBridge Scheduler schedule at the campaign's dispatch time (in
 * its time zone) invokes dispatch-start, which fills the SQS work queue; dispatch-send workers drain
 * it (partial batch failures, capped concurrency) and send through SES; the configuration set's events
 * come back through SNS to ses-events. Dead-letter queues and alarms say when anything is stuck.
 */
import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SnsEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { loadCampaign } from '../functions/adapters/campaign-files';
import { AppFunction, REPO_ROOT } from './function';
import type { Observability } from './observability';

/** The worker's timeout; the queue's visibility timeout is six times it (AWS's advice for SQS sources). */
export const WORKER_TIMEOUT = Duration.minutes(2);
/** Receives before a dispatch message goes to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 10;

export interface DispatchProps {
  table: ITableV2;
  campaign: string;
  retain: boolean;
  mailFrom: string;
  identityArn: string;
  configurationSet: ConfigurationSet;
  maxSendRate: number;
  /** Worker invocations at once (the SQS event source's maximum concurrency, 2-1000). */
  maxConcurrency: number;
  notifySigners?: boolean;
  observability: Observability;
  /** Environment every function gets (PUBLIC_URL is added later by the stack). */
  environment?: Record<string, string>;
}

/**
 * The Scheduler expression for a campaign's wall-clock dispatch time. Written from the campaign's own
 * local time and paired with its time zone: `ScheduleExpression.at(date, zone)` in aws-scheduler
 * formats the Date in UTC and then labels it with the zone, which shifts it by the zone's offset.
 */
export function dispatchScheduleExpression(dispatchAt: string, timeZone: string): { expression: string; timeZone: string } {
  const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(dispatchAt) ? `${dispatchAt}:00` : dispatchAt;
  return { expression: `at(${wallClock})`, timeZone };
}

export class Dispatch extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly start: AppFunction;
  readonly worker: AppFunction;
  readonly events: AppFunction;
  readonly schedule: CfnSchedule;
  readonly scheduleName: string;
  readonly scheduleGroup = 'default';
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: DispatchProps) {
    super(scope, id);
    const campaign = loadCampaign(join(REPO_ROOT, 'campaigns', props.campaign));
    const stack = Stack.of(this);

    this.deadLetterQueue = new Queue(this, 'WorkDlq', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    this.queue = new Queue(this, 'Work', {
      visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    const environment = {
      TABLE_NAME: props.table.tableName,
      DISPATCH_QUEUE_URL: this.queue.queueUrl,
      MAIL_FROM: props.mailFrom,
      SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
      MAX_SEND_RATE: String(props.maxSendRate),
      // Longer than any one send (pacing waits and throttling backoff), shorter than the visibility timeout.
      DISPATCH_LEASE_SECONDS: String(Math.round(WORKER_TIMEOUT.toSeconds() * 2.5)),
      ...props.environment,
    };
    const sendMail = new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [props.identityArn, stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.configurationSet.configurationSetName })],
    });

    this.start = new AppFunction(this, 'DispatchStart', { handler: 'dispatch-start', campaign: props.campaign, retain: props.retain, timeout: Duration.minutes(5), environment });
    props.table.grantReadWriteData(this.start);
    this.queue.grantSendMessages(this.start);

    this.worker = new AppFunction(this, 'DispatchSend', { handler: 'dispatch-send', campaign: props.campaign, retain: props.retain, timeout: WORKER_TIMEOUT, environment });
    props.table.grantReadWriteData(this.worker);
    this.queue.grantSendMessages(this.worker);
    this.worker.addToRolePolicy(sendMail);
    this.worker.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: Math.max(2, Math.min(1000, props.maxConcurrency)),
      }),
    );

    // SES events (send, delivery, bounce, complaint...) of the configuration set, through SNS.
    const eventsTopic = new Topic(this, 'SesEvents', { displayName: 'SES events of the letters', enforceSSL: true });
    props.configurationSet.addEventDestination('ToSns', {
      destination: EventDestination.snsTopic(eventsTopic),
      events: [EmailSendingEvent.SEND, EmailSendingEvent.DELIVERY, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    this.events = new AppFunction(this, 'SesEventsFn', { handler: 'ses-events', campaign: props.campaign, retain: props.retain, timeout: Duration.seconds(30), environment: { TABLE_NAME: props.table.tableName } });
    props.table.grantReadWriteData(this.events);
    const eventsDlq = new Queue(this, 'SesEventsDlq', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    this.events.addEventSource(new SnsEventSource(eventsTopic, { deadLetterQueue: eventsDlq }));

    // The one-time schedule. Its own dead-letter queue keeps a firing that could not invoke the function.
    const scheduleDlq = new Queue(this, 'ScheduleDlq', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const role = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [this.start.functionArn, `${this.start.functionArn}:*`] }));
    scheduleDlq.grantSendMessages(role);
    const { expression, timeZone } = dispatchScheduleExpression(campaign.dispatchAt, campaign.timeZone);
    this.scheduleName = `${stack.stackName}-dispatch`.slice(0, 64);
    this.schedule = new CfnSchedule(this, 'Schedule', {
      name: this.scheduleName,
      groupName: this.scheduleGroup,
      description: `Dispatch of the campaign ${campaign.id}: ${campaign.dispatchAt} ${campaign.timeZone}`,
      scheduleExpression: expression,
      scheduleExpressionTimezone: timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: this.start.functionArn,
        roleArn: role.roleArn,
        input: JSON.stringify({ source: 'scheduler', campaign: campaign.id }),
        retryPolicy: { maximumEventAgeInSeconds: 6 * 3600, maximumRetryAttempts: 20 },
        deadLetterConfig: { arn: scheduleDlq.queueArn },
      },
    });

    this.functions = [this.start, this.worker, this.events];
    const o = props.observability;
    o.alarm('DispatchDlq', this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }), 1, 'Dispatch: tasks in the dead-letter queue (resume after fixing the cause)');
    o.alarm('ScheduleDlq', scheduleDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 1, 'Dispatch schedule could not start the dispatch');
    o.alarm('SesEventsDlq', eventsDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 1, 'SES events could not be recorded');
    o.alarm('DispatchBacklogAge', this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }), 3 * 3600, 'Dispatch: a message has waited 3 hours');
    o.sesReputation(props.configurationSet.configurationSetName);
  }
}
