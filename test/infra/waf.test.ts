/**
 * The optional WAF (`waf: true`): a CLOUDFRONT-scope web ACL in us-east-1 with a rate-based rule per
 * address on /api/, attached to the distribution of the stack in the campaign's region; cdk-nag finds
 * nothing unacknowledged in either stack, and the WAF finding is no longer acknowledged.
 */
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeployConfig } from '../../infra/config';
import { defineDeployment } from '../../infra/deployment';

const base = { stage: 'prod', campaign: 'free-expression-2026', mailFrom: 'letters@example.org', sesIdentity: 'example.org', maxSendRate: 14 };
const env = { account: '123456789012', region: 'eu-west-2' };

function deploy(context: Record<string, unknown>, target: typeof env | null = env) {
  // The rules and templates read the construct tree: no need to bundle the functions for this.
  const app = new App({ outdir: join(__dirname, '..', '..', 'cdk.out', 'test-waf'), context: { 'aws:cdk:bundling-stacks': [] } });
  return { app, ...defineDeployment(app, readDeployConfig((k) => context[k]), target ?? undefined) };
}

describe('the WAF, when asked for', () => {
  const { app, main, edge } = deploy({ ...base, waf: true, wafRateLimit: '600' });

  it('is a CLOUDFRONT web ACL in us-east-1 refusing an address above the rate on /api/ with a 429', () => {
    expect(edge?.region).toBe('us-east-1');
    const t = Template.fromStack(edge!);
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'api-rate-per-address',
          Action: { Block: { CustomResponse: Match.objectLike({ ResponseCode: 429 }) } },
          Statement: {
            RateBasedStatement: Match.objectLike({
              Limit: 600,
              AggregateKeyType: 'IP',
              EvaluationWindowSec: 300,
              ScopeDownStatement: { ByteMatchStatement: Match.objectLike({ SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' }) },
            }),
          },
        }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } } }),
      ]),
    });
  });

  it('is attached to the distribution of the campaign stack, which deploys after it', () => {
    const dist = Object.values(Template.fromStack(main).findResources('AWS::CloudFront::Distribution'))[0] as { Properties: { DistributionConfig: { WebACLId?: unknown } } };
    // Read across regions from the edge stack's output, a weak reference: neither stack locks the other.
    expect(dist.Properties.DistributionConfig.WebACLId).toEqual({ 'Fn::GetStackOutput': expect.objectContaining({ StackName: edge!.stackName, Region: 'us-east-1' }) });
    expect(main.dependencies).toContain(edge);
  });

  it('leaves no unacknowledged cdk-nag finding in either stack, WAF included', () => {
    const checks = new AwsSolutionsChecks(app);
    const findings = [edge!, main].flatMap((s) => checks.validateScope(s).violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`));
    expect(findings).toEqual([]);
  });
});

describe('the WAF parameters', () => {
  it('are off by default: one stack, no web ACL', () => {
    const { edge, main } = deploy(base);
    expect(edge).toBeUndefined();
    expect(Template.fromStack(main).findResources('AWS::WAFv2::WebACL')).toEqual({});
  });

  it('refuse a rate below 100, both waf and webAclArn, and waf without a known account', () => {
    expect(() => readDeployConfig((k) => ({ ...base, waf: true, wafRateLimit: 10 }) [k as 'stage'])).toThrow(/wafRateLimit must be at least 100/);
    expect(() => readDeployConfig((k) => ({ ...base, waf: 'true', webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/y' })[k as 'stage'])).toThrow(/set one of them/);
    expect(() => deploy({ ...base, waf: true }, null)).toThrow(/waf needs the target account and region/);
  });
});
