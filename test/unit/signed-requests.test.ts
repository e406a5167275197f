/**
 * The signed requests behind SES, S3 and SQS (functions/clients.ts): presigned URLs carry the signature
 * AWS computes for them, the photo upload's URL binds the declared type and exact size, and AWS error
 * answers keep the names the dispatch and the HTTP layer act on.
 *
 * The oracle is AWS's own worked example (S3 documentation, "Authenticating Requests: Using Query
 * Parameters": GET examplebucket/test.txt on 24 May 2013, signature aeeed9bb...), and, for the upload
 * URL, Signature Version 4 computed here from the published algorithm, itself checked on that example.
 */
import { createHash, createHmac } from 'node:crypto';
import { AwsServiceError, awsErrorOf, presignUrl } from '../../functions/clients';
import { isTransientFailure } from '../../functions/http';
import { S3PhotoStorage } from '../../functions/adapters/s3-photo-storage';
import { sendEmailRequest } from '../../functions/adapters/ses-mailer';

const EXAMPLE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
const EXAMPLE_SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Signature Version 4 of a presigned S3 URL, from the steps of the AWS documentation. */
function expectedSignature(url: string, method: string, headers: Record<string, string>, secret: string): string {
  const u = new URL(url);
  const query = [...u.searchParams].filter(([k]) => k !== 'X-Amz-Signature').map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&');
  const all = { host: u.host, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()])) };
  const signed = u.searchParams.get('X-Amz-SignedHeaders')!.split(';');
  const canonical = [method, u.pathname, query, signed.map((h) => `${h}:${all[h as keyof typeof all]}\n`).join(''), signed.join(';'), 'UNSIGNED-PAYLOAD'].join('\n');
  const datetime = u.searchParams.get('X-Amz-Date')!;
  const scope = u.searchParams.get('X-Amz-Credential')!.split('/').slice(1).join('/');
  const toSign = ['AWS4-HMAC-SHA256', datetime, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const [date, region, service] = scope.split('/');
  const key = [region!, service!, 'aws4_request'].reduce<Buffer>((k, part) => createHmac('sha256', k).update(part).digest(), createHmac('sha256', `AWS4${secret}`).update(date!).digest());
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('presigned URLs', () => {
  it("carry the signature of AWS's worked example, byte for byte", async () => {
    const url = await presignUrl('s3', 'https://examplebucket.s3.amazonaws.com/test.txt', { method: 'GET', expiresSeconds: 86400, identity: EXAMPLE, datetime: '20130524T000000Z' });
    const q = new URL(url).searchParams;
    expect(q.get('X-Amz-Signature')).toBe(EXAMPLE_SIGNATURE);
    expect(q.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(q.get('X-Amz-SignedHeaders')).toBe('host');
    // The oracle below agrees with AWS on the same example.
    expect(expectedSignature(url, 'GET', {}, EXAMPLE.secretAccessKey)).toBe(EXAMPLE_SIGNATURE);
  });

  it('bind an upload to its declared type and exact size, with the session token signed in', async () => {
    const identity = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret/key+example', sessionToken: 'token/with+chars==', region: 'eu-west-2' };
    const key = 'uploads/act-1/ab12/cd34.jpg';
    const objectUrl = `https://letters-photos-prod.s3.eu-west-2.amazonaws.com/${key}`;
    const url = await presignUrl('s3', objectUrl, { method: 'PUT', headers: { 'content-type': 'image/jpeg', 'content-length': '123456' }, expiresSeconds: 900, identity });
    const q = new URL(url).searchParams;
    expect(q.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(q.get('X-Amz-Expires')).toBe('900');
    expect(q.get('X-Amz-Security-Token')).toBe(identity.sessionToken);
    expect(q.get('X-Amz-Credential')).toMatch(/^ASIAEXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request$/);
    const headers = { 'content-type': 'image/jpeg', 'content-length': '123456' };
    expect(q.get('X-Amz-Signature')).toBe(expectedSignature(url, 'PUT', headers, identity.secretAccessKey));
    // The same URL with another type or another size is another request: S3 refuses it.
    expect(q.get('X-Amz-Signature')).not.toBe(expectedSignature(url, 'PUT', { ...headers, 'content-type': 'text/html' }, identity.secretAccessKey));
    expect(q.get('X-Amz-Signature')).not.toBe(expectedSignature(url, 'PUT', { ...headers, 'content-length': '123457' }, identity.secretAccessKey));
  });

  it("address a bucket by its regional host on AWS and by path on a stand-in's endpoint", async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret' });
      delete process.env.AWS_ENDPOINT_URL_S3;
      delete process.env.AWS_ENDPOINT_URL;
      const storage = new S3PhotoStorage(() => 'letters-photos-prod');
      expect(await storage.objectUrl('photos/a b/c.jpg')).toBe('https://letters-photos-prod.s3.eu-west-2.amazonaws.com/photos/a%20b/c.jpg');
      process.env.AWS_ENDPOINT_URL_S3 = 'http://127.0.0.1:5173/local-s3/';
      expect(await storage.objectUrl('photos/x.jpg')).toBe('http://127.0.0.1:5173/local-s3/letters-photos-prod/photos/x.jpg');
    } finally {
      process.env = saved;
    }
  });
});

describe('AWS error answers', () => {
  it("are named by SES's error type, so permanent refusals and throttling are told apart", async () => {
    const rejected = await awsErrorOf(new Response(JSON.stringify({ message: 'Email address is not verified.' }), { status: 400, headers: { 'x-amzn-ErrorType': 'MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/' } }));
    expect(rejected).toMatchObject({ name: 'MessageRejected', message: 'Email address is not verified.', $fault: 'client' });
    expect(isTransientFailure(rejected)).toBe(false);
    const throttled = await awsErrorOf(new Response(JSON.stringify({ message: 'Maximum sending rate exceeded.' }), { status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' } }));
    expect(throttled.name).toBe('TooManyRequestsException');
    expect(isTransientFailure(throttled)).toBe(true);
  });

  it("read S3's XML and SQS's JSON error bodies", async () => {
    const s3 = await awsErrorOf(new Response('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>', { status: 404 }));
    expect(s3).toMatchObject({ name: 'NoSuchKey', message: 'The specified key does not exist.' });
    const sqs = await awsErrorOf(new Response(JSON.stringify({ __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' }), { status: 400 }));
    expect(sqs).toMatchObject({ name: 'QueueDoesNotExist', $fault: 'client' });
  });

  it('count a 5xx or an unreachable service as passing, for the signer to retry', async () => {
    expect(isTransientFailure(await awsErrorOf(new Response('', { status: 503, statusText: 'Slow Down' })))).toBe(true);
    expect(isTransientFailure(new AwsServiceError('NetworkError', 'ses unreachable: ECONNRESET', 0, true))).toBe(true);
  });
});

describe('the SendEmail request', () => {
  const mail = {
    fromAddress: 'letters@example.org',
    fromName: 'Ana Lima via Letters',
    to: ['mission@fcdo.gov.uk'],
    replyTo: ['ana@example.org'],
    subject: 'Letter',
    text: 'Dear Ambassador',
    html: '<p>Dear Ambassador</p>',
    attachments: [{ fileName: 'signatories.csv', contentType: 'text/csv', content: Buffer.from('name,country\nAna,BR\n') }],
  };

  it('carries attachments base64-encoded, as the JSON API takes blobs', () => {
    const body = sendEmailRequest(mail, 'letters-config') as { Content: { Simple: { Attachments: { RawContent: string }[] } }; ConfigurationSetName: string };
    expect(Buffer.from(body.Content.Simple.Attachments[0]!.RawContent, 'base64').toString()).toBe('name,country\nAna,BR\n');
    expect(body.ConfigurationSetName).toBe('letters-config');
  });

  it('leaves out Reply-To when the signer did not agree to it', () => {
    expect(sendEmailRequest({ ...mail, replyTo: [] })).not.toHaveProperty('ReplyToAddresses');
    expect(sendEmailRequest({ ...mail, replyTo: undefined })).not.toHaveProperty('ReplyToAddresses');
  });
});
