/**
 * The local stand-in for API Gateway HTTP API + CloudFront: /api/* requests become HTTP API (v2)
 * events for the same handler modules Lambda runs; everything else is served from web/dist.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ROUTES } from '../functions/routes';
import { contentSecurityPolicy, SECURITY_HEADERS } from './csp';

export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** A route only the local runtime has; `path` may hold {name} parameters. */
export interface ExtraRoute {
  method: string;
  path: string;
  handler: ApiHandler;
}

/** Largest request body the local API reads (API Gateway's own limit is 10 MB; routes cap far lower). */
export const MAX_REQUEST_BYTES = 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export { SECURITY_HEADERS } from './csp';

export interface HttpServerOptions {
  /** The handler for a file name in functions/handlers/ (the names in functions/routes.ts). */
  handlerFor: (name: string) => ApiHandler | undefined;
  /** Extra routes only the local runtime has, matched before static files. */
  extraRoutes?: ExtraRoute[];
  /** Paths handed as they are to another server (the local object store), matched first. */
  rawRoutes?: RawRoute[];
  webRoot: string;
}

/** A path prefix served by a raw Node request handler (e.g. the S3 stand-in behind the site's port). */
export interface RawRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

function jsonError(res: ServerResponse, status: number, code: string, message: string, field?: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify({ error: { code, message, ...(field ? { field } : {}) } }));
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return 'too_large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Matches "/api/actions/{id}/photos"-style route paths; returns the path parameters. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (!a[i]) return undefined;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(a[i]!);
      } catch {
        return undefined;
      }
    } else if (seg !== a[i]) return undefined;
  }
  return params;
}

function toEvent(req: IncomingMessage, url: URL, body: Buffer, routeKey: string, pathParameters: Record<string, string>): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && k !== 'cookie') headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = Date.now();
  // Like API Gateway, a body that is not valid UTF-8 text reaches the handler base64-encoded, byte for byte.
  const textual = (/json|text|x-www-form-urlencoded/.test(headers['content-type'] ?? '') && isUtf8(body)) || body.length === 0;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: req.headers.cookie ? req.headers.cookie.split(/;\s*/) : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: req.method ?? 'GET', path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: req.headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
  };
}

function sendResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest']);
const compressed = new Map<string, { key: string; br: Buffer; gzip: Buffer }>();

/** Brotli or gzip per Accept-Encoding (br preferred), compressed once per file version. */
function encodingFor(req: IncomingMessage): 'br' | 'gzip' | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name!.toLowerCase());
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
}

function compressedBody(file: string, stat: Stats, encoding: 'br' | 'gzip'): Buffer {
  const key = `${stat.size}:${stat.mtimeMs}`;
  let entry = compressed.get(file);
  if (!entry || entry.key !== key) {
    const raw = readFileSync(file);
    entry = { key, br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }), gzip: gzipSync(raw, { level: 9 }) };
    compressed.set(file, entry);
  }
  return entry[encoding];
}

function statFile(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, webRoot: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return jsonError(res, 405, 'method_not_allowed', 'Only GET and HEAD are allowed here.');
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return jsonError(res, 400, 'bad_path', 'Malformed path.');
  }
  const root = resolve(webRoot);
  // Decoded "..", "%2e%2e" or backslashes must never leave the site folder.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return jsonError(res, 404, 'not_found', 'Not found.');
  let file = resolve(join(root, normalize(pathname)));
  if (file !== root && !file.startsWith(root + sep)) return jsonError(res, 404, 'not_found', 'Not found.');
  let stat = statFile(file);
  if (stat?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      // Relative links in the page resolve against the folder, as on the CDN.
      res.writeHead(301, { location: `${url.pathname}/${url.search}`, ...SECURITY_HEADERS });
      return res.end();
    }
    file = join(file, 'index.html');
    stat = statFile(file);
  }
  if (!stat?.isFile()) {
    if (!statFile(join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
      return res.end('The site has not been built: run `npm run build:web` (npm start does it for you).');
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
    return res.end('<!doctype html><html lang="en"><title>Not found</title><p>Not found. <a href="/">Go to the letter</a>.</p></html>');
  }
  const ext = extname(file).toLowerCase();
  // Vite names built assets <name>-<hash>.<ext> under assets/: their content never changes.
  const hashed = file.includes(`${sep}assets${sep}`) && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const encoding = COMPRESSIBLE.has(ext) ? encodingFor(req) : undefined;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    ...(COMPRESSIBLE.has(ext) ? { vary: 'accept-encoding' } : {}),
    ...SECURITY_HEADERS,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  const raw = readFileSync(file);
  // A page may carry inline critical CSS or a tiny script: the policy names exactly those blocks.
  if (ext === '.html') headers['content-security-policy'] = contentSecurityPolicy(raw.toString('utf8'));
  const body = encoding ? compressedBody(file, stat, encoding) : raw;
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Creates (does not start) the local HTTP server. */
export function createHttpServer(opts: HttpServerOptions): Server {
  const handlerFor = (name: string): ApiHandler => {
    const h = opts.handlerFor(name);
    if (!h) throw new Error(`no handler loaded for ${name}`);
    return h;
  };

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const raw = opts.rawRoutes?.find((r) => url.pathname.startsWith(r.prefix));
      if (raw) return raw.handle(req, res);
      const extra = opts.extraRoutes?.find((r) => matchPath(r.path, url.pathname));
      const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
      if (!isApi && !extra) return serveStatic(req, res, url, opts.webRoot);

      const candidates = [...ROUTES.map((r) => ({ method: r.method as string, path: r.path, run: () => handlerFor(r.handler) })), ...(opts.extraRoutes ?? []).map((r) => ({ method: r.method, path: r.path, run: () => r.handler }))];
      const onPath = candidates.map((r) => ({ r, params: matchPath(r.path, url.pathname) })).filter((x) => x.params);
      if (onPath.length === 0) return jsonError(res, 404, 'not_found', `No API route ${url.pathname}.`);
      const hit = onPath.find((x) => x.r.method === req.method);
      if (!hit) {
        res.setHeader('allow', onPath.map((x) => x.r.method).join(', '));
        return jsonError(res, 405, 'method_not_allowed', `${req.method} is not allowed on ${url.pathname}.`);
      }
      const body = await readBody(req, MAX_REQUEST_BYTES);
      if (body === 'too_large') {
        res.setHeader('connection', 'close');
        return jsonError(res, 413, 'payload_too_large', `The request body must be at most ${MAX_REQUEST_BYTES} bytes.`, 'body');
      }
      const result = await hit.r.run()(toEvent(req, url, body, `${hit.r.method} ${hit.r.path}`, hit.params!));
      sendResult(res, result);
    } catch (e) {
      // A handler never throws (it maps its own errors); this is the stand-in's own failure.
      process.stderr.write(`local http: ${(e as Error).stack ?? e}\n`);
      if (!res.headersSent) jsonError(res, 500, 'internal_error', 'The local server failed; see its log.');
      else res.destroy();
    }
  });
}
