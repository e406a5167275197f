/**
 * The whole deployment, wired by typed props: data (table), mail (SES), api (functions + HTTP API),
 * web (bucket + CloudFront), observability (alarms). The dispatch construct plugs in the same way.
 */
import { CfnOutput, CustomResource, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { Api } from './api';
import type { DeployConfig } from './config';
import { Data } from './data';
import { Dispatch } from './dispatch';
import { AppFunction } from './function';
import { Mail } from './mail';
import { Observability } from './observability';
import { Web } from './web';
import { Photos } from './photos';
import { acknowledgeNagFindings } from './nag';

export interface LettersStackProps extends StackProps {
  config: DeployConfig;
  /** The web ACL made by the edge stack (waf: true); otherwise config.webAclArn, if any. */
  webAclArn?: string;
}

export class LettersStack extends Stack {
  constructor(scope: Construct, id: string, props: LettersStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retain = config.stage === 'prod';

    const data = new Data(this, 'Data', { retain });
    const mail = new Mail(this, 'Mail', { sesIdentity: config.sesIdentity, create: config.createSesIdentity });
    const observability = new Observability(this, 'Observability', { alarmEmail: config.alarmEmail });

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !retain,
    });

    // CloudFront proves itself to the API with this value; requests around the CDN are refused.
    const originSecret = new Secret(this, 'OriginVerify', {
      description: 'Header value CloudFront sends to the API origin (x-origin-verify)',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    const originVerify = originSecret.secretValue.unsafeUnwrap();

    const photos = new Photos(this, 'Photos', { table: data.table, campaign: config.campaign, retain, logBucket: logs, siteOrigin: config.domainName ? `https://${config.domainName}` : undefined });
    const api = new Api(this, 'Api', {
      photoBucket: photos.bucket,
      table: data.table,
      campaign: config.campaign,
      retain,
      identityArn: mail.identityArn,
      configurationSetName: mail.configurationSet.configurationSetName,
      rateLimit: config.apiRateLimit,
      environment: { MAIL_FROM: config.mailFrom, ORIGIN_VERIFY_SECRET: originVerify, PUBLIC_URL: 'pending' },
    });
    const dispatch = new Dispatch(this, 'Dispatch', {
      table: data.table,
      campaign: config.campaign,
      retain,
      mailFrom: config.mailFrom,
      identityArn: mail.identityArn,
      configurationSet: mail.configurationSet,
      maxSendRate: config.maxSendRate,
      maxConcurrency: config.dispatchConcurrency,
      observability,
      environment: { PUBLIC_URL: 'pending' },
    });
    const web = new Web(this, 'Web', {
      httpApi: api.httpApi,
      retain,
      domainName: config.domainName,
      certificateArn: config.certificateArn,
      webAclArn: props.webAclArn ?? config.webAclArn,
      originVerifySecret: originVerify,
      logBucket: logs,
      photoBucket: photos.bucket,
    });
    // Mail links point at the site. The functions depend on the distribution, which depends on the API
    // resource only (not on its routes or functions), so there is no cycle.
    const siteUrl = config.domainName ? `https://${config.domainName}` : `https://${web.distribution.distributionDomainName}`;
    observability.watchFunction(photos.processor.node.id, photos.processor);
    for (const fn of [...api.functions, ...dispatch.functions]) {
      fn.addEnvironment('PUBLIC_URL', siteUrl);
      observability.watchFunction(fn.node.id, fn);
    }
    observability.watchApi(api.httpApi);

    // The missions file is loaded into the empty table on the first deploy.
    const seed = new AppFunction(this, 'SeedMissions', {
      handler: 'seed-missions',
      campaign: config.campaign,
      retain,
      timeout: Duration.minutes(2),
      environment: { TABLE_NAME: data.table.tableName },
      extraFiles: [['data/missions/uk-missions.csv', 'uk-missions.csv']],
    });
    data.table.grantReadWriteData(seed);
    const provider = new Provider(this, 'SeedProvider', { onEventHandler: seed });
    new CustomResource(this, 'Missions', { serviceToken: provider.serviceToken, properties: { table: data.table.tableName } });

    acknowledgeNagFindings(this, { table: data.table, photoBucket: photos.bucket, siteBucket: web.bucket, dispatchStart: dispatch.start, seed, customDomain: Boolean(config.domainName && config.certificateArn), webAcl: Boolean(props.webAclArn ?? config.webAclArn) });

    new CfnOutput(this, 'SiteUrl', { value: siteUrl, description: 'The signing page' });
    new CfnOutput(this, 'TableName', { value: data.table.tableName, description: 'Used by the organiser tools (--aws)' });
    new CfnOutput(this, 'Campaign', { value: config.campaign });
    new CfnOutput(this, 'DispatchScheduleName', { value: dispatch.scheduleName, description: 'Rescheduled by `npm run organizer -- schedule --aws`' });
    new CfnOutput(this, 'DispatchScheduleGroup', { value: dispatch.scheduleGroup });
    new CfnOutput(this, 'DispatchQueueUrl', { value: dispatch.queue.queueUrl });
    new CfnOutput(this, 'DispatchDlqUrl', { value: dispatch.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'PhotoBucketName', { value: photos.bucket.bucketName, description: 'Action photos; `organizer moderate --aws` publishes approved ones' });
    new CfnOutput(this, 'AlarmTopic', { value: observability.topic.topicArn });
  }
}
