/**
 * How every function is bundled, shared by infra/function.ts (the deploy) and bench/cold-start.ts (the
 * measurement) so the benchmark measures what is deployed:
 * - the SDK's ES module builds (package.json "module") before its CommonJS ones: esbuild can drop the
 *   parts a function does not use only from ES modules (get-campaign: 575 KB -> 371 KB minified);
 * - the SDK's default credential chain replaced by the environment-and-container chain Lambda uses
 *   (functions/lambda-credentials.ts): the SSO, STS and ini-file providers never answer in Lambda
 *   (371 KB -> 243 KB).
 */
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..');

export const LAMBDA_BUNDLE = {
  mainFields: ['module', 'main'],
  alias: { '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'functions', 'lambda-credentials.ts') },
};

/** The same as esbuild command-line arguments (for CDK's NodejsFunction bundling.esbuildArgs). */
export const lambdaEsbuildArgs = (): Record<string, string> => Object.fromEntries(Object.entries(LAMBDA_BUNDLE.alias).map(([from, to]) => [`--alias:${from}`, to]));
