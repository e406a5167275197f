/**
 * The HTTP edge shared by every API handler: reading a JSON body safely, JSON responses, and the one
 * mapping from errors to responses (domain errors -> their 4xx; anything else -> a generic 500 with
 * a correlation id that is logged).
 */
import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, MalformedBodyError, NotFoundError as NotFoundRouteError, ValidationError, PayloadTooLargeError, RateLimitedError, TemporarilyUnavailableError, UnsupportedMediaTypeError } from './core/errors';
import { log } from './logger';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Largest JSON body any route accepts. */
export const MAX_BODY_BYTES = 8 * 1024;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };

/** A JSON response; not cacheable unless `cacheControl` says otherwise. */
export function json(statusCode: number, body: unknown, cacheControl = 'no-store', extra: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { ...JSON_HEADERS, 'cache-control': cacheControl, ...extra }, body: JSON.stringify(body) };
}

/**
 * Whether an error is a passing failure of a service we depend on (its 5xx, throttling, a dropped
 * connection or a timeout), as the AWS SDK reports it after its own retries: the request may be
 * retried as it is.
 */
export function isTransientFailure(error: unknown, depth = 0): boolean {
  const e = error as { $fault?: string; $retryable?: unknown; name?: string; code?: string; message?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!e || typeof e !== 'object' || depth > 3) return false;
  if (e.cause && isTransientFailure(e.cause, depth + 1)) return true;
  // The SDK wraps network failures it gave up retrying ("AWS SDK error wrapper for TimeoutError: socket hang up").
  if (/^AWS SDK error wrapper for (TimeoutError|Error: (connect|read|write) E[A-Z]+)|socket hang up/.test(e.message ?? '')) return true;
  if (e.$fault === 'server' || e.$retryable) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  const name = e.name ?? '';
  if (/Throttl|TooManyRequests|ProvisionedThroughputExceeded|RequestLimitExceeded|ServiceUnavailable|InternalServerError|TimeoutError/.test(name)) return true;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND'].includes(e.code ?? '');
}

/** The contract's error body: { error: { code, message, field? } }. */
export function toErrorResponse(error: unknown, requestId: string): HttpResult {
  if (isTransientFailure(error)) {
    log.warn('request.unavailable', { requestId, error: (error as Error).name });
    return toErrorResponse(new TemporarilyUnavailableError(), requestId);
  }
  if (error instanceof DomainError) {
    const extra: Record<string, string> =
      error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : error instanceof TemporarilyUnavailableError ? { 'retry-after': '5' } : {};
    return json(error.status, { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }, 'no-store', extra);
  }
  log.error('request.failed', { requestId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  return json(500, { error: { code: 'internal_error', message: `Something went wrong on our side. Reference: ${requestId}` } });
}

/** Parses the body as a JSON object, refusing other content types, oversize bodies and malformed JSON. */
export function readJsonBody(event: HttpEvent, maxBytes = MAX_BODY_BYTES): Record<string, unknown> {
  const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/.test(contentType)) throw new UnsupportedMediaTypeError();
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !raw.includes('\uFFFD')) throw new MalformedBodyError('The request body is not valid UTF-8.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedBodyError('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new MalformedBodyError();
  return parsed as Record<string, unknown>;
}

/**
 * The caller's address. Behind CloudFront, API Gateway sees CloudFront's address, so the viewer's comes
 * from the CloudFront-Viewer-Address header, trusted only on requests that carry the origin secret
 * (see originGuard); locally, and without CloudFront, the connection's address.
 */
export function clientIp(event: HttpEvent): string {
  const viewer = event.headers?.['cloudfront-viewer-address'];
  if (viewer && process.env.ORIGIN_VERIFY_SECRET) {
    // "203.0.113.7:46532" or "[2001:db8::1]:46532" / "2001:db8::1:46532"
    const m = /^\[?([0-9a-fA-F:.]+?)\]?:\d+$/.exec(viewer.trim());
    if (m) return m[1]!;
  }
  return event.requestContext?.http?.sourceIp ?? 'unknown';
}

/**
 * When the API sits behind CloudFront (ORIGIN_VERIFY_SECRET set), a request without CloudFront's secret
 * origin header came straight to the API endpoint, around the CDN, its WAF and its throttling: refused.
 */
function originGuard(event: HttpEvent): HttpResult | undefined {
  const secret = process.env.ORIGIN_VERIFY_SECRET;
  if (!secret) return undefined;
  const given = event.headers?.['x-origin-verify'] ?? '';
  if (given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret))) return undefined;
  return json(403, { error: { code: 'forbidden', message: 'Use the site address.' } });
}

/** Wraps a route: errors become contract responses, every request gets an id. */
export function httpHandler(route: (event: HttpEvent, requestId: string) => Promise<HttpResult>) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    const requestId = event.requestContext?.requestId ?? Math.random().toString(36).slice(2);
    const refused = originGuard(event);
    if (refused) return refused;
    try {
      return await route(event, requestId);
    } catch (error) {
      return toErrorResponse(error, requestId);
    }
  };
}

/**
 * The body of a request checked against a schema (see core/participation-input validateBody): the
 * parsed value, or the first problem as a 400 naming its field.
 */
export function checkedBody<T>(event: HttpEvent, validate: (body: unknown) => { ok: true; value: T } | { ok: false; field: string; message: string }): T {
  const checked = validate(readJsonBody(event));
  if (!checked.ok) throw checked.field === 'body' ? new MalformedBodyError(checked.message) : new ValidationError(checked.field, checked.message);
  return checked.value;
}

/** A path parameter ({id} in the route), or a 404 when it is missing or malformed. */
export function pathParameter(event: HttpEvent, name: string, pattern: RegExp): string {
  const value = event.pathParameters?.[name];
  if (!value || !pattern.test(value)) throw new NotFoundRouteError();
  return value;
}
