/**
 * cdk-nag (AwsSolutions pack) findings this stack accepts, each with its reason. Everything else is
 * fixed in the constructs; test/infra/nag.test.ts fails on any finding not listed here. Finding ids
 * name the exact resource (cdk-nag renders a logical id as <Id.Arn>), so a new wildcard anywhere is
 * a new finding, not silently covered.
 */
import { Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

export interface NagContext {
  table: ITableV2;
  photoBucket: IBucket;
  siteBucket: IBucket;
  dispatchStart: IFunction;
  seed: IFunction;
  customDomain: boolean;
  webAcl: boolean;
}

export function acknowledgeNagFindings(stack: Stack, c: NagContext): { id: string; reason: string }[] {
  const ref = (construct: { node: { defaultChild?: unknown } }) => `<${stack.getLogicalId(construct.node.defaultChild as CfnResource)}.Arn>`;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const list: { id: string; reason: string }[] = [
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'The Lambda basic execution policy only lets a function write its own CloudWatch logs.' },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords) has no resource-level permissions.' },
    { id: `AwsSolutions-IAM5[Resource::${ref(c.table)}/index/*]`, reason: "Queries on the table's own global secondary index (gsi1), as CDK's table grants write them." },
    { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: "CDK's bucket read grant (GetObject and its versions), on one bucket or one prefix." },
    { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: "CDK's bucket read grant, on one bucket." },
    { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: "CDK's bucket read grant, on one bucket." },
    { id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason: "CDK's delete grant, limited to the photo bucket's uploads/ prefix or the site deployment." },
    { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: "CDK's put grant (aborting its own multipart uploads), on one bucket or prefix." },
    { id: `AwsSolutions-IAM5[Resource::${ref(c.photoBucket)}/uploads/*]`, reason: 'Each upload has its own key: the grant is limited to the uploads/ prefix.' },
    { id: `AwsSolutions-IAM5[Resource::${ref(c.photoBucket)}/processed/*]`, reason: 'Each checked photo has its own key: the grant is limited to the processed/ prefix.' },
    { id: `AwsSolutions-IAM5[Resource::${ref(c.siteBucket)}/*]`, reason: 'The site deployment writes every file of the built site into its own bucket.' },
    { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`, reason: 'The site deployment reads the built site from the CDK bootstrap assets bucket.' },
    { id: `AwsSolutions-IAM5[Resource::${ref(c.dispatchStart)}:*]`, reason: 'The schedule may invoke any version of the one dispatch-start function.' },
    { id: `AwsSolutions-IAM5[Resource::${ref(c.seed)}:*]`, reason: 'The custom-resource provider invokes any version of the one seed function.' },
    { id: 'AwsSolutions-L1', reason: "Our functions run Node.js 22, the version they are built (esbuild target node22) and tested for; CDK's own custom-resource handlers choose theirs." },
    { id: 'AwsSolutions-APIG4', reason: 'A public campaign API: anyone may sign, without accounts. Organisers act through IAM with the CLI, never over HTTP; abuse is limited by API throttling, per-network rate limits and the CloudFront origin secret.' },
    { id: 'AwsSolutions-SMG4', reason: 'The CloudFront origin secret is a shared header value, not a credential of a service that rotates: rotate it by redeploying.' },
    { id: 'AwsSolutions-SQS3', reason: 'These are dead-letter queues themselves (schedule and SES events): their messages are kept 14 days and alarmed on.' },
    { id: 'AwsSolutions-CFR1', reason: 'A worldwide campaign: signers and missions are in every country.' },
  ];
  if (!c.webAcl) list.push({ id: 'AwsSolutions-CFR2', reason: 'WAF is optional (webAclArn): per-network rate limits in the API and API throttling apply without it.' });
  if (!c.customDomain) list.push({ id: 'AwsSolutions-CFR4', reason: 'Without a custom domain the distribution uses the CloudFront certificate, whose minimum TLS version cannot be set; with one, TLS 1.2 (2021) is required.' });
  for (const a of list) Validations.of(stack).acknowledge(a);
  return list;
}
