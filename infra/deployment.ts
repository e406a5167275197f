/**
 * The deployment's stacks: the campaign's stack in the target region and, with `waf: true`, the web
 * ACL's stack in us-east-1 (CloudFront's region for WAF), its ARN passed across regions by CDK.
 */
import type { App, Environment } from 'aws-cdk-lib';
import type { DeployConfig } from './config';
import { EdgeStack } from './edge';
import { LettersStack } from './stack';

export function defineDeployment(app: App, config: DeployConfig, env?: Environment): { main: LettersStack; edge?: EdgeStack } {
  const name = `Letters-${config.campaign}-${config.stage}`;
  let edge: EdgeStack | undefined;
  if (config.waf) {
    if (!env?.account || !env.region) {
      throw new Error('Invalid deployment parameters: waf needs the target account and region (run the CDK CLI with AWS credentials, or set CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION)');
    }
    edge = new EdgeStack(app, `${name}-edge`, {
      env: { account: env.account, region: 'us-east-1' },
      description: `Letters to the missions: the WAF web ACL of campaign ${config.campaign} (${config.stage})`,
      rateLimit: config.wafRateLimit,
      metricPrefix: name,
    });
  }
  const main = new LettersStack(app, name, {
    config,
    description: `Letters to the missions: campaign ${config.campaign} (${config.stage})`,
    // Environment-agnostic unless the CLI knows the account (no lookups need it).
    ...(env?.account && env.region ? { env } : {}),
    ...(edge ? { webAclArn: edge.webAcl.attrArn } : {}),
  });
  return { main, edge };
}
