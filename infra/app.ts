/** CDK entry point (`npx cdk synth`, `npm run deploy`): validates the parameters, builds the stack. */
import { App } from 'aws-cdk-lib';
import { readDeployConfig } from './config';
import { LettersStack } from './stack';

const app = new App();
const config = readDeployConfig((key) => app.node.tryGetContext(key));
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
new LettersStack(app, `Letters-${config.campaign}-${config.stage}`, {
  config,
  description: `Letters to the missions: campaign ${config.campaign} (${config.stage})`,
  // Environment-agnostic unless the CLI knows the account (no lookups need it).
  ...(account && region ? { env: { account, region } } : {}),
});
app.synth();
