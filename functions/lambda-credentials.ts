/**
 * The AWS SDK's default credential chain as a Lambda function needs it, for the function bundles only
 * (infra/function.ts aliases `@aws-sdk/credential-provider-node` to this file).
 *
 * Lambda hands a function its role's credentials in the environment (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); the full chain's other links (SSO, ini files, processes,
 * web identity, instance metadata) never answer there, yet they and the STS and SSO clients behind
 * them are about a third of a minified bundle. The container endpoint stays as the second link, as
 * the SDK's own chain has it. Locally and in the tests the real chain runs: nothing is bundled there.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { chain, memoize } from '@smithy/core/config';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

type Init = Parameters<typeof fromEnv>[0] & Parameters<typeof fromHttp>[0];

/** Credentials expire: refresh five minutes before. */
export const credentialsWillNeedRefresh = (c: AwsCredentialIdentity) => c?.expiration !== undefined;
export const credentialsTreatedAsExpired = (c: AwsCredentialIdentity) => c?.expiration !== undefined && c.expiration.getTime() - Date.now() < 300_000;

export const defaultProvider = (init: Init = {}): AwsCredentialIdentityProvider =>
  memoize(
    // fromHttp checks its environment when it is built: built only if the environment had no credentials.
    chain(fromEnv(init), () => fromHttp(init)()),
    credentialsTreatedAsExpired,
    credentialsWillNeedRefresh,
  );
