/**
 * S3 ObjectCreated on uploads/ — checks each uploaded photo on the server (a real JPEG, PNG or WebP,
 * at most 10 MB), keeps a re-encoded copy without metadata for moderation and deletes the original.
 * A failure is thrown so the invocation is retried (S3 retries asynchronous invocations).
 */
import type { S3Event } from 'aws-lambda';
import { SharpSanitizer } from '../adapters/sharp-sanitizer';
import { processPhotoUpload } from '../use-cases/participate';
import * as wiring from '../wiring';
import { participationDeps } from './participation-deps';

const deps = participationDeps({ photos: wiring.photoStorage(), sanitizer: new SharpSanitizer() });

export const handler = async (event: S3Event): Promise<void> => {
  for (const record of event.Records ?? []) {
    // S3 event keys are URL-encoded, with '+' for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    await processPhotoUpload(key, deps);
  }
};
