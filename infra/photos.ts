/**
 * Photos of in-person actions: a private bucket that browsers upload to with presigned PUTs (the
 * signature covers type and exact size), a function that checks every upload and keeps only a
 * re-encoded copy without metadata, and the published copies served by the site's distribution
 * under /photos/ (see web.ts). Nothing is public until an organiser approves it.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { AppFunction } from './function';

export interface PhotosProps {
  table: ITableV2;
  campaign: string;
  retain: boolean;
  /** The site's own origin when known at synth (custom domain); CORS is then limited to it. */
  siteOrigin?: string;
  /** Where S3 server access logs of the bucket go. */
  logBucket: IBucket;
}

export class Photos extends Construct {
  readonly bucket: Bucket;
  readonly processor: AppFunction;

  constructor(scope: Construct, id: string, props: PhotosProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'photos-bucket/',
      // Browsers PUT straight to the bucket with a presigned URL; the signature is the authorisation.
      // Without a custom domain the distribution's name is not known before the bucket exists
      // (it is the bucket's own distribution), so any origin may make the (signed) request.
      cors: [{ allowedMethods: [HttpMethods.PUT], allowedOrigins: [props.siteOrigin ?? '*'], allowedHeaders: ['content-type'], maxAge: 3000 }],
      lifecycleRules: [
        // An upload is processed within seconds; anything left there is an abandoned or refused one.
        { prefix: 'uploads/', expiration: Duration.days(1) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.retain,
    });

    this.processor = new AppFunction(this, 'ProcessPhoto', {
      handler: 'process-photo',
      campaign: props.campaign,
      retain: props.retain,
      memorySize: 1536,
      timeout: Duration.seconds(60),
      environment: { TABLE_NAME: props.table.tableName, PHOTO_BUCKET: this.bucket.bucketName },
      // sharp (libvips) is a native module: installed for Lambda's linux-arm64, not bundled.
      nodeModules: ['sharp'],
    });
    props.table.grantReadWriteData(this.processor);
    this.bucket.grantRead(this.processor, 'uploads/*');
    this.bucket.grantDelete(this.processor, 'uploads/*');
    this.bucket.grantPut(this.processor, 'processed/*');
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.processor), { prefix: 'uploads/' });
  }
}
