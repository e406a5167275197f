/**
 * The CloudFormation template as an AWS reviewer would read it: every route has its function and bundle,
 * data is protected, nothing is public, headers are strict, no IAM wildcard on data, alarms exist, and
 * bad parameters stop the synth with a clear message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ROUTES } from '../../functions/routes';
import { readDeployConfig, type DeployConfig } from '../../infra/config';
import { LettersStack } from '../../infra/stack';

const base = { stage: 'dev', campaign: 'free-expression-2026', mailFrom: 'letters@example.org', sesIdentity: 'example.org', maxSendRate: 14 };

function synth(context: Record<string, unknown>) {
  const app = new App({ outdir: join(__dirname, '..', '..', 'cdk.out', `test-${context.stage}`) });
  const config = readDeployConfig((k) => context[k]);
  const stack = new LettersStack(app, `Test-${context.stage}`, { config, env: { account: '123456789012', region: 'eu-west-2' } });
  const assembly = app.synth();
  return { template: Template.fromStack(stack), assembly, stack };
}

describe('the production stack', () => {
  const prod = synth({ ...base, stage: 'prod', alarmEmail: 'ops@example.org' });
  const t = prod.template;
  const resources = (type: string) => Object.values(t.findResources(type)) as { Properties: Record<string, any> }[]; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('has one route per entry of the route table, each integrated with a function whose bundle exists', () => {
    const routes = resources('AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey).sort();
    expect(routes).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const manifest = JSON.parse(readFileSync(join(prod.assembly.directory, `${prod.stack.artifactId}.assets.json`), 'utf8')) as {
      files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
    };
    const assets = Object.values(manifest.files).map((f) => ({ key: Object.values(f.destinations)[0]!.objectKey, path: f.source.path }));
    const functions = resources('AWS::Lambda::Function').filter((f) => f.Properties.Environment?.Variables?.CAMPAIGN_DIR);
    expect(functions.length).toBeGreaterThanOrEqual(new Set(ROUTES.map((r) => r.handler)).size);
    for (const fn of functions) {
      const key = fn.Properties.Code.S3Key as string;
      const asset = assets.find((a) => a.key === key);
      expect(asset).toBeDefined();
      const dir = join(prod.assembly.directory, asset!.path);
      expect(existsSync(join(dir, 'index.js'))).toBe(true);
      expect(existsSync(join(dir, 'campaign', 'campaign.json'))).toBe(true);
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    }
  });

  it('keeps the table: point-in-time recovery, encryption, TTL, deletion protection, retained', () => {
    t.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        SSESpecification: Match.objectLike({ SSEEnabled: true }),
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
  });

  it('keeps every bucket private, encrypted and TLS-only, and serves the site through origin access control', () => {
    for (const b of resources('AWS::S3::Bucket')) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(b.Properties.BucketEncryption).toBeDefined();
    }
    for (const p of resources('AWS::S3::BucketPolicy')) {
      const statements = p.Properties.PolicyDocument.Statement as { Effect: string; Principal?: unknown; Condition?: unknown }[];
      expect(statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'))).toBe(true);
      expect(statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal) === '"*"')).toHaveLength(0);
    }
    // The site's bucket and the photo bucket, each read by the distribution alone.
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    // CloudFront reads only the published photos: never uploads or copies waiting for moderation.
    const cloudFrontReads = resources('AWS::S3::BucketPolicy')
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Effect: string; Principal?: { Service?: string }; Resource: unknown }[])
      .filter((st) => st.Effect === 'Allow' && st.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(cloudFrontReads).toHaveLength(2);
    const photoRead = cloudFrontReads.find((st) => JSON.stringify(st.Resource).includes('photos/*'));
    expect(photoRead).toBeDefined();
    expect(cloudFrontReads.filter((st) => JSON.stringify(st.Resource).match(/"\/\*"\]/))).toHaveLength(1); // the site bucket, whole
  });

  it('takes photo uploads only by presigned PUT into a private bucket, and checks each on the server with sharp for linux-arm64', () => {
    const photoBucket = resources('AWS::S3::Bucket').find((b) => b.Properties.CorsConfiguration)!;
    expect(photoBucket.Properties.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedMethods: ['PUT'], AllowedHeaders: ['content-type'] })]);
    expect(photoBucket.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(photoBucket.Properties.LifecycleConfiguration.Rules).toEqual(expect.arrayContaining([expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1 })]));
    t.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { LambdaFunctionConfigurations: [Match.objectLike({ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } } })] },
    });
    const processor = resources('AWS::Lambda::Function').find((f) => f.Properties.Handler === 'index.handler' && f.Properties.Environment?.Variables?.PHOTO_BUCKET && f.Properties.MemorySize === 1536)!;
    expect(processor.Properties.Architectures).toEqual(['arm64']);
    const manifest = JSON.parse(readFileSync(join(prod.assembly.directory, `${prod.stack.artifactId}.assets.json`), 'utf8')) as { files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }> };
    const asset = Object.values(manifest.files).find((f) => Object.values(f.destinations)[0]!.objectKey === processor.Properties.Code.S3Key)!;
    expect(existsSync(join(prod.assembly.directory, asset.source.path, 'node_modules', '@img', 'sharp-linux-arm64'))).toBe(true);
  });

  it('sends the strict security headers: CSP without unsafe-inline, HSTS, no framing', () => {
    const policy = resources('AWS::CloudFront::ResponseHeadersPolicy')[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // The photo bucket's address is only known at deploy: the policy is joined from literal parts and it.
    const raw = policy.ContentSecurityPolicy.ContentSecurityPolicy as string | { 'Fn::Join': [string, unknown[]] };
    const csp = typeof raw === 'string' ? raw : raw['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : '<bucket>')).join(raw['Fn::Join'][0]);
    expect(csp).toMatch(/connect-src 'self' https:\/\/<bucket>/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(policy.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    expect(policy.FrameOptions.FrameOption).toBe('DENY');
  });

  it('serves /api/* from the same distribution, without forwarding the Host header', () => {
    const dist = resources('AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig;
    expect(dist.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/photos/*', '/api/*']);
    const photos = dist.CacheBehaviors[0];
    expect(photos.AllowedMethods).toEqual(['GET', 'HEAD']);
    const orp = resources('AWS::CloudFront::OriginRequestPolicy')[0]!.Properties.OriginRequestPolicyConfig;
    expect(orp.HeadersConfig.Headers.map((h: string) => h.toLowerCase())).not.toContain('host');
    expect(orp.HeadersConfig.Headers).toContain('CloudFront-Viewer-Address');
  });

  it('grants no wildcard action, and no wildcard resource on data', () => {
    for (const p of resources('AWS::IAM::Policy')) {
      for (const s of p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        const actions = ([] as string[]).concat(s.Action);
        expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
        if (actions.some((a) => /^(dynamodb|s3|ses):/.test(a))) expect(JSON.stringify(s.Resource)).not.toBe('"*"');
      }
    }
  });

  it('throttles the API and raises alarms to a topic with the organiser\'s email', () => {
    const stage = resources('AWS::ApiGatewayV2::Stage')[0]!.Properties;
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(resources('AWS::CloudWatch::Alarm').length).toBeGreaterThanOrEqual(ROUTES.length);
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });
});

describe('a dev stack', () => {
  it('is destroyed with the stack, data included', () => {
    const { template } = synth({ ...base, stage: 'dev' });
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }) });
  });
});

describe('the deployment parameters', () => {
  const read = (c: Record<string, unknown>) => () => readDeployConfig((k) => c[k]);
  it('refuse a bad stage, sender or rate with a message naming the parameter', () => {
    expect(read({ ...base, stage: 'production' })).toThrow(/stage must be "dev" or "prod"/);
    expect(read({ ...base, mailFrom: 'nobody' })).toThrow(/mailFrom must be an email address/);
    expect(read({ ...base, maxSendRate: 0 })).toThrow(/maxSendRate must be at least 1/);
    expect(read({ ...base, mailFrom: 'x@other.org' })).toThrow(/not an address of the SES identity example.org/);
    expect(read({ ...base, domainName: 'letters.example.org' })).toThrow(/domainName and certificateArn go together/);
  });
  it('accept numbers and booleans given as strings on the command line (-c key=value)', () => {
    const c: DeployConfig = readDeployConfig((k) => ({ ...base, maxSendRate: '50', createSesIdentity: 'false' } as Record<string, unknown>)[k]);
    expect(c.maxSendRate).toBe(50);
    expect(c.createSesIdentity).toBe(false);
  });
});
