/**
 * One construct fixes every function's defaults: Node.js 22 on arm64, esbuild bundling (minified, with
 * source maps), the campaign folder copied next to the bundle, log retention, X-Ray tracing. Access is
 * granted per function by the caller, resource by resource.
 */
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLE, lambdaEsbuildArgs } from './bundling';

export const REPO_ROOT = join(__dirname, '..');

export interface AppFunctionProps {
  /** File name (without .ts) in functions/handlers/. */
  handler: string;
  campaign: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Extra files copied next to the bundle: [source relative to the repository, target name]. */
  extraFiles?: [string, string][];
  retain: boolean;
  reservedConcurrency?: number;
  /** Native modules installed next to the bundle (for Lambda's linux-arm64) instead of bundled. */
  nodeModules?: string[];
}

/** Where the campaign folder is inside the function's bundle (CAMPAIGN_DIR). */
export const CAMPAIGN_DIR_IN_BUNDLE = '/var/task/campaign';

export class AppFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.retain ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const copies = [[`campaigns/${props.campaign}`, 'campaign'] as [string, string], ...(props.extraFiles ?? [])];
    super(scope, id, {
      entry: join(REPO_ROOT, 'functions', 'handlers', `${props.handler}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      reservedConcurrentExecutions: props.reservedConcurrency,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        CAMPAIGN_DIR: CAMPAIGN_DIR_IN_BUNDLE,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        target: 'node22',
        format: OutputFormat.CJS,
        // The SDK is bundled (minified, tree-shaken) rather than taken from the runtime: one file to
        // load at cold start, and the exact SDK version the tests ran with. See infra/bundling.ts.
        externalModules: [],
        mainFields: LAMBDA_BUNDLE.mainFields,
        esbuildArgs: lambdaEsbuildArgs(),
        ...(props.nodeModules ? { nodeModules: props.nodeModules } : {}),
        commandHooks: {
          beforeBundling: () => [],
          // npm installs the native packages for the function's platform, not this machine's.
          beforeInstall: (_inputDir: string, outputDir: string) => (props.nodeModules ? [`printf 'os=linux\\ncpu=arm64\\nlibc=glibc\\n' > "${join(outputDir, '.npmrc')}"`] : []),
          afterBundling: (inputDir: string, outputDir: string) => copies.map(([from, to]) => `cp -R "${join(inputDir, from)}" "${join(outputDir, to)}"`),
        },
      },
    });
  }
}
