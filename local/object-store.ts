/**
 * The photo bucket on one machine: s3rver (an S3-compatible server) behind the site's own port, as
 * CloudFront puts the bucket behind the site's domain on AWS.
 *   /local-s3/<bucket>/<key>  the S3 API for the handlers' SDK and the browser's presigned uploads
 *   /photos/<key>             published photos only (GET/HEAD of the bucket's photos/ prefix)
 * Objects live in <DATA_DIR>/s3. Every upload under uploads/ is handed to the same process-photo
 * handler S3's ObjectCreated notification invokes on AWS, retried twice on failure as Lambda retries
 * asynchronous invocations.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import type { LocalService } from './stack';

export const LOCAL_PHOTO_BUCKET = 'letters-photos';
const S3_PREFIX = '/local-s3';

interface S3rverInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  configureBuckets(): Promise<void>;
  on(event: 'event', listener: (event: S3Event) => void): void;
}

export function photoStorageService(): LocalService {
  return {
    name: 'photo storage',
    async start(ctx) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const S3rver = require('s3rver') as new (options: object) => S3rverInstance;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };
      DUMMY_ACCOUNT.createKeyPair(ctx.env.AWS_ACCESS_KEY_ID ?? 'local', ctx.env.AWS_SECRET_ACCESS_KEY ?? 'local');
      const s3 = new S3rver({
        directory: join(ctx.dataDir, 's3'),
        silent: true,
        // Requests reach s3rver with the /local-s3 prefix removed, so the path it checks the signature
        // against differs from the signed one. The stand-in is not the security boundary: the
        // process-photo handler checks every upload's size and type on the server.
        allowMismatchedSignatures: true,
        configureBuckets: [{ name: LOCAL_PHOTO_BUCKET, configs: [] }],
      });
      await s3.configureBuckets();
      const app = s3.callback();

      process.env.AWS_ENDPOINT_URL_S3 = ctx.env.AWS_ENDPOINT_URL_S3 = `${ctx.url}${S3_PREFIX}`;
      process.env.PHOTO_BUCKET = ctx.env.PHOTO_BUCKET = LOCAL_PHOTO_BUCKET;

      let processPhoto: ((event: S3Event) => Promise<void>) | undefined;
      const pending = new Set<Promise<void>>();
      s3.on('event', (event) => {
        const uploads = event.Records.filter((r) => r.eventName.startsWith('ObjectCreated') && r.s3.object.key.startsWith('uploads/'));
        if (uploads.length === 0) return;
        processPhoto ??= ctx.load<{ handler: (e: S3Event) => Promise<void> }>('functions/handlers/process-photo').handler;
        const run = async () => {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await processPhoto!({ Records: uploads });
            } catch (e) {
              if (!ctx.quiet || attempt === 2) process.stderr.write(`local photo processing failed (attempt ${attempt + 1} of 3): ${(e as Error).message}\n`);
              await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
            }
          }
        };
        const p = run().finally(() => pending.delete(p));
        pending.add(p);
      });

      return {
        describe: `Photo uploads: s3rver behind ${ctx.url}${S3_PREFIX}/ (objects in ${join(ctx.dataDir, 's3')})`,
        rawRoutes: [
          {
            prefix: `${S3_PREFIX}/`,
            handle(req, res) {
              req.url = (req.url ?? '/').slice(S3_PREFIX.length);
              app(req, res);
            },
          },
          {
            prefix: '/photos/',
            handle(req, res) {
              const path = (req.url ?? '/').split('?')[0]!;
              // Published copies only, read only: nothing else of the bucket is reachable.
              if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/photos\/[a-z0-9-]+\/[a-f0-9]+\/[a-f0-9]+\.(jpg|png|webp)$/.test(path)) {
                res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
                res.end('Not found');
                return;
              }
              req.url = `/${LOCAL_PHOTO_BUCKET}${path}`;
              // Anonymous read through the stand-in; the signature headers of the page are not passed on.
              delete req.headers.authorization;
              res.setHeader('x-content-type-options', 'nosniff');
              res.setHeader('content-security-policy', "default-src 'none'");
              app(req, res);
            },
          },
        ],
        async stop() {
          await Promise.allSettled([...pending]);
        },
      };
    },
  };
}
