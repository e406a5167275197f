/** API Gateway HTTP API (v2) events, typed, for calling a handler module directly as Lambda would. */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface EventInit {
  method: 'GET' | 'POST';
  path: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Raw bytes, sent base64-encoded as API Gateway does for binary bodies. */
  bytes?: Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  sourceIp?: string;
}

export function httpEvent(init: EventInit): APIGatewayProxyEventV2 {
  const now = Date.now();
  const body = init.bytes ? init.bytes.toString('base64') : init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  // JSON by default; a caller passing headers gets exactly those (e.g. none at all).
  const headers = init.headers ?? (body !== undefined ? { 'content-type': 'application/json' } : {});
  const rawQueryString = new URLSearchParams(init.query ?? {}).toString();
  return {
    version: '2.0',
    routeKey: `${init.method} ${init.path}`,
    rawPath: init.path,
    rawQueryString,
    headers,
    queryStringParameters: init.query,
    pathParameters: init.pathParameters,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'test.local',
      domainPrefix: 'test',
      http: { method: init.method, path: init.path, protocol: 'HTTP/1.1', sourceIp: init.sourceIp ?? '198.51.100.7', userAgent: 'jest' },
      requestId: randomUUID(),
      routeKey: `${init.method} ${init.path}`,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body,
    isBase64Encoded: Boolean(init.bytes),
  };
}
