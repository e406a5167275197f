/**
 * The optional WAF web ACL of the distribution (`waf: true`). CloudFront only takes web ACLs of scope
 * CLOUDFRONT, which live in us-east-1, so this is its own small stack there. The main stack reads its
 * ARN as a weak reference (Fn::GetStackOutput): no custom resources, and neither stack locks the other,
 * so the WAF can be turned off again (deploy the main stack first, then delete this one).
 *
 * Rules, in order:
 * 1. a rate-based rule per client address on /api/ (the signing and participation writes): more than
 *    `rateLimit` requests in 5 minutes from one address are refused with 429 until the rate falls;
 *    pages and photos (cached, cheap) are not counted, so a large office behind one address can still read;
 * 2. AWS's IP reputation list (botnets, scanners);
 * 3. AWS's known bad inputs (exploit payloads in paths, headers and bodies).
 * AWS's "core rule set" is left out on purpose: its size and cross-site-scripting rules refuse letters
 * and names that the API itself answers with a 400 naming the field.
 */
import { CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface EdgeStackProps extends StackProps {
  /** Requests per client address per 5 minutes to /api/ before the address is refused. */
  rateLimit: number;
  metricPrefix: string;
}

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true });

const managed = (name: string, priority: number, prefix: string): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: visibility(`${prefix}-${name}`),
});

export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const prefix = props.metricPrefix.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Letters to the missions: rate limit per address on /api/, IP reputation, known bad inputs',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${prefix}-acl`),
      customResponseBodies: {
        'too-many': { contentType: 'APPLICATION_JSON', content: '{"error":"rate_limited","message":"Too many requests from this network. Please try again in a few minutes."}' },
      },
      rules: [
        {
          name: 'api-rate-per-address',
          priority: 0,
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'too-many', responseHeaders: [{ name: 'retry-after', value: '300' }] } } },
          statement: {
            rateBasedStatement: {
              limit: props.rateLimit,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'STARTS_WITH', searchString: '/api/', textTransformations: [{ priority: 0, type: 'NONE' }] },
              },
            },
          },
          visibilityConfig: visibility(`${prefix}-api-rate`),
        },
        managed('AWSManagedRulesAmazonIpReputationList', 1, prefix),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2, prefix),
      ],
    });
    CrossStackReferences.of(this.webAcl).produce(ReferenceStrength.WEAK);
  }
}
