/**
 * The HTTP API: one function per route of functions/routes.ts (the same table the local server reads, so
 * the two cannot disagree), each granted only what its handler uses; stage-wide throttling.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES } from '../functions/routes';
import { AppFunction } from './function';

/** What each handler needs; a route whose handler is not listed here fails the synth. */
export const HANDLER_ACCESS: Record<string, { table: 'read' | 'write'; sendMail?: boolean; presignUploads?: boolean }> = {
  'get-campaign': { table: 'read' },
  'list-missions': { table: 'read' },
  'get-stats': { table: 'read' },
  'get-delivery': { table: 'read' },
  'create-signature': { table: 'write', sendMail: true },
  'confirm-signature': { table: 'write' },
  'remove-signature': { table: 'write' },
  'list-actions': { table: 'read' },
  'create-action': { table: 'write', sendMail: true },
  'confirm-action': { table: 'write' },
  'request-photo-upload': { table: 'write', presignUploads: true },
  'list-cosigners': { table: 'read' },
  'create-cosigner': { table: 'write', sendMail: true },
  'confirm-cosigner': { table: 'write' },
  'get-calls': { table: 'read' },
  'log-call': { table: 'write' },
  'report-mission': { table: 'write' },
};

export interface ApiProps {
  table: ITableV2;
  campaign: string;
  retain: boolean;
  /** Environment every API function gets (PUBLIC_URL, MAIL_FROM, ORIGIN_VERIFY_SECRET...). */
  environment: Record<string, string>;
  identityArn: string;
  configurationSetName: string;
  rateLimit: number;
  /** The photo bucket: presigned uploads are signed with the function's own right to put in uploads/. */
  photoBucket: IBucket;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: AppFunction[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', { description: 'Letters to the missions: public API (served through CloudFront)' });
    const stage = this.httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = { throttlingRateLimit: props.rateLimit, throttlingBurstLimit: props.rateLimit * 2 };
    // Access logs: which route, status and latency. No address, no body: nothing personal.
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.retain ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', time: '$context.requestTime', route: '$context.routeKey', status: '$context.status', latencyMs: '$context.responseLatency', integrationError: '$context.integrationErrorMessage' }),
    };

    const byHandler = new Map<string, AppFunction>();
    for (const route of ROUTES) {
      const access = HANDLER_ACCESS[route.handler];
      if (!access) throw new Error(`infra/api.ts: no access rule for handler "${route.handler}" (route ${route.method} ${route.path})`);
      let fn = byHandler.get(route.handler);
      if (!fn) {
        fn = new AppFunction(this, pascal(route.handler), {
          handler: route.handler,
          campaign: props.campaign,
          retain: props.retain,
          timeout: Duration.seconds(10),
          environment: {
            TABLE_NAME: props.table.tableName,
            SES_CONFIGURATION_SET: props.configurationSetName,
            ...props.environment,
          },
        });
        if (access.table === 'read') props.table.grantReadData(fn);
        else props.table.grantReadWriteData(fn);
        if (access.sendMail) {
          fn.addToRolePolicy(
            new PolicyStatement({
              actions: ['ses:SendEmail'],
              resources: [props.identityArn, Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.configurationSetName })],
            }),
          );
        }
        if (access.presignUploads) {
          props.photoBucket.grantPut(fn, 'uploads/*');
          fn.addEnvironment('PHOTO_BUCKET', props.photoBucket.bucketName);
        }
        byHandler.set(route.handler, fn);
        this.functions.push(fn);
      }
      this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method === 'GET' ? HttpMethod.GET : HttpMethod.POST],
        integration: new HttpLambdaIntegration(`${pascal(route.handler)}${route.method}Integration`, fn),
      });
    }
  }
}

export const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
