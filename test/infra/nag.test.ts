/**
 * cdk-nag's AwsSolutions pack on the production stack: zero findings that are not acknowledged, and
 * every acknowledgement carries its reason (infra/nag.ts).
 */
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeployConfig } from '../../infra/config';
import { LettersStack } from '../../infra/stack';
import { acknowledgeNagFindings } from '../../infra/nag';

function nag(context: Record<string, unknown>) {
  // The rules read the construct tree: no need to bundle the functions for this.
  const app = new App({ outdir: join(__dirname, '..', '..', 'cdk.out', `test-nag-${context.stage}`), context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new LettersStack(app, `Nag-${context.stage}`, { config: readDeployConfig((k) => context[k]), env: { account: '123456789012', region: 'eu-west-2' } });
  return new AwsSolutionsChecks(app).validateScope(stack);
}

const base = { campaign: 'free-expression-2026', mailFrom: 'letters@example.org', sesIdentity: 'example.org', maxSendRate: 14 };

describe('the stack under cdk-nag (AwsSolutions)', () => {
  it('has no unacknowledged finding in production', () => {
    const report = nag({ ...base, stage: 'prod', alarmEmail: 'ops@example.org' });
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('has none with a custom domain and WAF either, where TLS and WAF findings are not acknowledged', () => {
    const report = nag({ ...base, stage: 'prod', domainName: 'letters.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/y' });
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('gives a reason for every acknowledged finding', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new LettersStack(app, 'Reasons', { config: readDeployConfig((k) => ({ ...base, stage: 'dev' })[k as keyof typeof base] ?? (k === 'stage' ? 'dev' : undefined)), env: { account: '123456789012', region: 'eu-west-2' } });
    const list = acknowledgeNagFindings(stack, { table: stack.node.findChild('Data').node.findChild('Table') as never, photoBucket: stack.node.findChild('Photos').node.findChild('Bucket') as never, siteBucket: stack.node.findChild('Web').node.findChild('Site') as never, dispatchStart: stack.node.findChild('Dispatch').node.findChild('DispatchStart') as never, seed: stack.node.findChild('SeedMissions') as never, customDomain: false, webAcl: false });
    for (const a of list) expect(a.reason.length).toBeGreaterThan(30);
  });
});
