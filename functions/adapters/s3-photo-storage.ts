/**
 * Action photos in a private S3 bucket (locally, an S3 stand-in on the same API). Uploads come straight
 * from browsers through presigned PUTs whose signature covers the declared type and exact size, so S3
 * itself refuses any other body; nothing in the bucket is public. Each call is one signed S3 REST request.
 */
import { awsErrorOf, awsFetch, awsIdentity, endpointOverride, presignUrl } from '../clients';
import type { PhotoStorage } from '../core/ports';

/** Idempotent requests: S3's 5xx and 503 SlowDown are retried twice with backoff. */
const RETRIES = 2;

export class S3PhotoStorage implements PhotoStorage {
  /** `bucketName` is read on first use: a process that never touches photos needs no bucket. */
  constructor(private readonly bucketName: () => string) {}

  /**
   * The object's URL: path-style on a stand-in's endpoint, virtual-hosted on AWS (the bucket's own
   * regional host, which CORS and the presigned uploads use).
   */
  async objectUrl(key: string): Promise<string> {
    const bucket = this.bucketName();
    const path = key.split('/').map(encodeURIComponent).join('/');
    const endpoint = endpointOverride('s3');
    return endpoint ? `${endpoint}/${bucket}/${path}` : `https://${bucket}.s3.${(await awsIdentity()).region}.amazonaws.com/${path}`;
  }

  async presignPut(key: string, contentType: string, size: number, ttlSeconds: number): Promise<string> {
    // Signed, not left out: a PUT with another type or size fails the signature check.
    return presignUrl('s3', await this.objectUrl(key), { method: 'PUT', headers: { 'content-type': contentType, 'content-length': String(size) }, expiresSeconds: ttlSeconds });
  }

  async presignGet(key: string, ttlSeconds: number): Promise<string> {
    return presignUrl('s3', await this.objectUrl(key), { method: 'GET', expiresSeconds: ttlSeconds });
  }

  async get(key: string, maxBytes: number): Promise<{ body: Buffer } | { tooLarge: number } | undefined> {
    const res = await awsFetch('s3', await this.objectUrl(key), { method: 'GET', retries: RETRIES });
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) throw await awsErrorOf(res);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > maxBytes) {
      await res.body?.cancel();
      return { tooLarge: length };
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > maxBytes) return { tooLarge: bytes.length };
    return { body: bytes };
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.expectOk(
      awsFetch('s3', await this.objectUrl(key), {
        method: 'PUT',
        headers: { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' },
        body,
        retries: RETRIES,
      }),
    );
  }

  async copy(from: string, to: string): Promise<void> {
    const source = `${this.bucketName()}/${from.split('/').map(encodeURIComponent).join('/')}`;
    await this.expectOk(awsFetch('s3', await this.objectUrl(to), { method: 'PUT', headers: { 'x-amz-copy-source': source }, retries: RETRIES }));
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the key existed.
    await this.expectOk(awsFetch('s3', await this.objectUrl(key), { method: 'DELETE', retries: RETRIES }));
  }

  /** A 2xx answer, read to the end: CopyObject can answer 200 with an <Error> body when it fails late. */
  private async expectOk(request: Promise<Response>): Promise<void> {
    const res = await request;
    if (!res.ok) throw await awsErrorOf(res);
    const text = await res.text();
    if (/<Error>/.test(text)) throw await awsErrorOf(new Response(text, { status: 500 }));
  }
}
