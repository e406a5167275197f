/**
 * A pass-through HTTP proxy in front of a local stand-in (dynalite, the local SES) that can make chosen
 * requests fail the way a real service sometimes does: a 500 answer, or a dropped connection. Only
 * failures the stand-ins cannot produce themselves are injected; everything else reaches them unchanged.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';

export interface FaultRule {
  /** Which requests fail: sees the method, path, X-Amz-Target header and body text. */
  match: (req: { method: string; path: string; target: string; body: string }) => boolean;
  /** How many matching requests fail (Infinity: until cleared). */
  times: number;
  /**
   * A 500 InternalServerError answer, a 400 ThrottlingException-style answer (DynamoDB), SES v2's
   * 429 TooManyRequestsException ("Maximum sending rate exceeded"), or a dropped connection.
   */
  mode: 'error' | 'throttle' | 'ses-throttle' | 'reset';
}

export interface FaultProxy {
  url: string;
  port: number;
  /** Adds a rule; returns a function that removes it. */
  inject(rule: FaultRule): () => void;
  clear(): void;
  /** Requests failed so far. */
  failed: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const rules: FaultRule[] = [];
  const state = { failed: 0 };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const info = { method: req.method ?? 'GET', path: req.url ?? '/', target: String(req.headers['x-amz-target'] ?? ''), body: body.toString('utf8') };
    const rule = rules.find((r) => r.times > 0 && r.match(info));
    if (rule) {
      rule.times--;
      state.failed++;
      if (rule.mode === 'reset') return req.socket.destroy();
      if (rule.mode === 'ses-throttle') {
        res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' });
        return res.end(JSON.stringify({ message: 'Maximum sending rate exceeded. (injected)' }));
      }
      const json = rule.mode === 'throttle'
        ? { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded (injected)' } }
        : { status: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error (injected)' } };
      res.writeHead(json.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': json.body.__type.split('#')[1]! });
      return res.end(JSON.stringify(json.body));
    }
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    inject(rule) {
      rules.push(rule);
      return () => rules.splice(rules.indexOf(rule), 1);
    },
    clear() {
      rules.length = 0;
    },
    get failed() {
      return state.failed;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
