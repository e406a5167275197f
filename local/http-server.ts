/**
 * The local stand-in for API Gateway HTTP API + CloudFront: /api/* requests become HTTP API (v2)
 * events for the same handler modules Lambda runs; everything else is served from web/dist.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ROUTES } from '../functions/routes';

export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

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

/** Same policy the production distribution sends (see infra/). */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export interface HttpServerOptions {
  /** Loads a handler module by its file name in functions/handlers/ (called lazily, once per name). */
  loadHandler: (name: string) => ApiHandler;
  /** Extra routes only the local runtime has (e.g. the local mailer's hooks), matched before static files. */
  extraRoutes?: { method: string; path: string; handler: ApiHandler }[];
  webRoot: string;
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
  const textual = /json|text|x-www-form-urlencoded/.test(headers['content-type'] ?? '') || body.length === 0;
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

function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, webRoot: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return jsonError(res, 405, 'method_not_allowed', 'Only GET and HEAD are allowed here.');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return jsonError(res, 400, 'bad_path', 'Malformed path.');
  }
  const root = resolve(webRoot);
  let file = resolve(join(root, normalize(pathname)));
  if (file !== root && !file.startsWith(root + sep)) return jsonError(res, 404, 'not_found', 'Not found.');
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (!existsSync(join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('The site has not been built: run `npm run build:web` (npm start does it for you).');
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
    return res.end('<!doctype html><title>Not found</title><p>Not found. <a href="/">Go to the letter</a>.</p>');
  }
  const ext = extname(file);
  const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|svg|png|webp)$/.test(file) && file.includes(`${sep}assets${sep}`);
  const gz = existsSync(`${file}.br`) && /\bbr\b/.test(String(req.headers['accept-encoding'] ?? '')) ? '.br' : '';
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(gz ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}),
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file + gz).pipe(res);
}

/** Creates (does not start) the local HTTP server. */
export function createHttpServer(opts: HttpServerOptions): Server {
  const handlers = new Map<string, ApiHandler>();
  const handlerFor = (name: string) => {
    let h = handlers.get(name);
    if (!h) {
      h = opts.loadHandler(name);
      handlers.set(name, h);
    }
    return h;
  };

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
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
