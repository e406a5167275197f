/** Alarms to an SNS topic (optionally mailed): function errors and throttles, API 5xx. */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  alarmEmail?: string;
}

export class Observability extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', { displayName: 'Letters to the missions: alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
  }

  /** Any error, and any throttle, of a function within 5 minutes. */
  watchFunction(name: string, fn: IFunction) {
    this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 1, `${name}: errors`);
    this.alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1, `${name}: throttled`);
  }

  /** Server errors of the API (5 in 5 minutes). */
  watchApi(api: HttpApi) {
    this.alarm('Api5xx', api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5, 'API: 5xx answers');
  }

  /**
   * The account's SES reputation: AWS reviews an account above 5 % bounces or 0.1 % complaints and may
   * pause sending; these alarms fire well before (2 % and 0.05 %).
   */
  sesReputation(configurationSetName: string) {
    const rate = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.minutes(15) });
    this.alarm('SesBounceRate', rate('Reputation.BounceRate'), 0.02, `SES bounce rate at 2 % (configuration set ${configurationSetName}): check the missions report`);
    this.alarm('SesComplaintRate', rate('Reputation.ComplaintRate'), 0.0005, `SES complaint rate at 0.05 % (configuration set ${configurationSetName})`);
  }

  /** An alarm on `metric` >= `threshold`, missing data as fine, notifying the topic. */
  alarm(id: string, metric: Metric, threshold: number, description: string): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
