/**
 * The site: a private bucket behind CloudFront (origin access control), the built web/dist deployed into
 * it, and /api/* served by the same distribution (same origin, no CORS). Security headers match
 * local/csp.ts, the ones `npm start` sends.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  FunctionCode,
  FunctionEventType,
  Function as CloudFrontFunction,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { Annotations, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { contentSecurityPolicy } from '../local/csp';
import { REPO_ROOT } from './function';

export interface WebProps {
  httpApi: HttpApi;
  retain: boolean;
  domainName?: string;
  certificateArn?: string;
  webAclArn?: string;
  /** Sent by CloudFront to the API with every request; the functions refuse requests without it. */
  originVerifySecret: string;
  /** Bucket for CloudFront's access logs. */
  logBucket: Bucket;
  /** The photo bucket: its photos/ prefix is served under /photos/, and browsers upload to it. */
  photoBucket: IBucket;
}

export class Web extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    if (!existsSync(join(REPO_ROOT, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: build the site first (npm run build:web; npm run synth and npm run deploy do it for you).');
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.retain,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Same headers as local/csp.ts: a CSP without unsafe-inline, HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(undefined, [`https://${props.photoBucket.bucketRegionalDomainName}`]), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    // The API's answers are cached only as they say (GET /api/stats: a few seconds); queries vary them.
    const apiCache = new CachePolicy(this, 'ApiCache', {
      comment: 'Honour the API Cache-Control (stats, missions); nothing cached by default',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(60),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const region = Stack.of(this).region;
    const apiOrigin = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${region}.amazonaws.com`, {
      customHeaders: { 'x-origin-verify': props.originVerifySecret },
    });

    // What the API needs from the viewer's request: never the Host header (API Gateway routes by its own),
    // and CloudFront-Viewer-Address, the viewer's real address for per-network rate limits.
    const apiRequest = new OriginRequestPolicy(this, 'ApiRequest', {
      comment: 'API: content type, language, the viewer address; all query strings; no cookies',
      headerBehavior: OriginRequestHeaderBehavior.allowList('content-type', 'accept', 'accept-language', 'user-agent', 'CloudFront-Viewer-Address'),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    // Folder URLs (/es/) are their index.html, as the local server serves them.
    const folderIndex = new CloudFrontFunction(this, 'FolderIndex', {
      comment: 'Serve /<folder>/ as /<folder>/index.html',
      code: FunctionCode.fromInline(
        "function handler(event){var r=event.request;if(r.uri.endsWith('/')){r.uri+='index.html';}else if(!r.uri.split('/').pop().includes('.')){r.uri+='/index.html';}return r;}",
      ),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Letters to the missions',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        compress: true,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: folderIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Published photos (approved, metadata removed): the bucket's photos/ prefix, read-only.
        '/photos/*': {
          // A reference CDK cannot grant on: the grant below reads photos/ only, not the whole bucket
          // (uploads and unmoderated copies live there too).
          origin: S3BucketOrigin.withOriginAccessControl(Bucket.fromBucketAttributes(this, 'PhotoOrigin', { bucketArn: props.photoBucket.bucketArn, bucketRegionalDomainName: props.photoBucket.bucketRegionalDomainName })),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          responseHeadersPolicy: headers,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCache,
          originRequestPolicy: apiRequest,
          responseHeadersPolicy: headers,
          compress: true,
        },
      },
      // Folders resolve to their index.html through the build's own folder pages (/es/ -> /es/index.html).
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/index.html', ttl: Duration.minutes(1) }],
    });

    // CloudFront (this distribution only) reads published photos, nothing else of the photo bucket.
    props.photoBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontReadsPublishedPhotos',
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [props.photoBucket.arnForObjects('photos/*')],
        conditions: { StringEquals: { 'AWS:SourceArn': Stack.of(this).formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: this.distribution.distributionId }) } },
      }),
    );
    Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac', 'The photo bucket policy is written here, limited to photos/.');

    // Hashed assets are immutable; pages are revalidated so a new deploy shows at once.
    new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(join(REPO_ROOT, 'web', 'dist'), { exclude: ['*.html'] })],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    new BucketDeployment(this, 'DeployPages', {
      sources: [Source.asset(join(REPO_ROOT, 'web', 'dist'), { exclude: ['assets/*'] })],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: false,
    });
  }
}
