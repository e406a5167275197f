/** SES: the sending identity (a domain with Easy DKIM, or one address for trials) and the configuration set. */
import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  sesIdentity: string;
  create: boolean;
}

export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  /** ARN of the identity the functions may send as. */
  readonly identityArn: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    if (props.create) {
      new EmailIdentity(this, 'Identity', {
        identity: props.sesIdentity.includes('@') ? Identity.email(props.sesIdentity) : Identity.domain(props.sesIdentity),
      });
    }
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true });
    this.identityArn = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity });
  }
}
