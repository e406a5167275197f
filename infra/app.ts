/** CDK entry point (`npx cdk synth`, `npm run deploy`): validates the parameters, builds the stacks. */
import { App } from 'aws-cdk-lib';
import { readDeployConfig } from './config';
import { defineDeployment } from './deployment';

const app = new App();
const config = readDeployConfig((key) => app.node.tryGetContext(key));
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
defineDeployment(app, config, account && region ? { account, region } : undefined);
app.synth();
