/**
 * The credential chain the function bundles carry (functions/lambda-credentials.ts): Lambda's
 * environment variables first, then the container credentials endpoint, as the SDK's own chain orders them.
 */
import { createServer, type Server } from 'node:http';
import { defaultProvider } from '../../functions/lambda-credentials';

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN'];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
beforeEach(() => KEYS.forEach((k) => delete process.env[k]));
afterAll(() => KEYS.forEach((k) => (saved[k] === undefined ? delete process.env[k] : (process.env[k] = saved[k]))));

it("takes the role's credentials Lambda puts in the environment", async () => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session' });
  await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'AKIDLAMBDA', secretAccessKey: 'secret', sessionToken: 'session' });
});

it('falls back to the container credentials endpoint', async () => {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ AccessKeyId: 'AKIDCONTAINER', SecretAccessKey: 'secret2', Token: 'token2', Expiration: new Date(Date.now() + 3600_000).toISOString() }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  try {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${(server.address() as { port: number }).port}/creds`;
    await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'AKIDCONTAINER', sessionToken: 'token2' });
  } finally {
    server.close();
  }
});

it('says where it looked when neither has credentials', async () => {
  await expect(defaultProvider()()).rejects.toThrow(/AWS_CONTAINER_CREDENTIALS_FULL_URI|credential/i);
});
