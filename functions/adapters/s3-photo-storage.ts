/**
 * Action photos in a private S3 bucket (locally, an S3 stand-in on the same API). Uploads come straight
 * from browsers through presigned PUTs whose signature covers the declared type and exact size, so S3
 * itself refuses any other body; nothing in the bucket is public.
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '../clients';
import type { PhotoStorage } from '../core/ports';

const isMissing = (e: unknown) => e instanceof NoSuchKey || ['NoSuchKey', 'NotFound'].includes((e as { name?: string })?.name ?? '');

export class S3PhotoStorage implements PhotoStorage {
  /** `bucketName` is read on first use: a process that never touches photos needs no bucket. */
  constructor(private readonly bucketName: () => string) {}

  private get bucket(): string {
    return this.bucketName();
  }

  async presignPut(key: string, contentType: string, size: number, ttlSeconds: number): Promise<string> {
    return getSignedUrl(s3Client(), new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: size }), {
      expiresIn: ttlSeconds,
      // Signed, not hoisted into the query: a PUT with another type or size fails the signature check.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
  }

  async presignGet(key: string, ttlSeconds: number): Promise<string> {
    return getSignedUrl(s3Client(), new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: ttlSeconds });
  }

  async get(key: string, maxBytes: number): Promise<{ body: Buffer } | { tooLarge: number } | undefined> {
    try {
      const res = await s3Client().send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const length = Number(res.ContentLength ?? 0);
      if (length > maxBytes) {
        (res.Body as { destroy?: () => void } | undefined)?.destroy?.();
        return { tooLarge: length };
      }
      const bytes = await res.Body!.transformToByteArray();
      if (bytes.length > maxBytes) return { tooLarge: bytes.length };
      return { body: Buffer.from(bytes) };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await s3Client().send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }));
  }

  async copy(from: string, to: string): Promise<void> {
    await s3Client().send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${encodeURIComponent(from).replace(/%2F/g, '/')}` }));
  }

  async delete(key: string): Promise<void> {
    await s3Client().send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
