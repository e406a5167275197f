/**
 * The one-machine runtime as a person running `npm start` meets it: the site, the API routed to the
 * Lambda handlers as HTTP API v2 events, the edge's refusals, and data that survives a restart.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { loadMissionsFile } from '../../functions/adapters/missions-csv';
import { MISSION_CSV_COLUMNS } from '../../functions/core/mission';
import { createHttpServer, type ExtraRoute } from '../../local/http-server';
import { findRunningStack, type RuntimeInfo } from '../../local/runtime-file';
import { MISSIONS_FILE, PortInUseError, ROOT, startStack, WEB_ROOT, type LocalService } from '../../local/stack';
import { writeRuntimeFile } from '../../local/runtime-file';
import { api, withStack } from '../support/stack';
import { hasChromium, launchBrowser } from '../support/browser';

/** A raw GET (fetch would normalise "/../" away before sending). */
function rawGet(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const echo: ExtraRoute = {
  method: 'POST',
  path: '/api/local-echo/{name}',
  handler: async (event) => ({
    statusCode: 201,
    headers: { 'content-type': 'application/json', 'x-from-handler': 'yes' },
    cookies: ['a=1; Path=/', 'b=2; Path=/'],
    body: JSON.stringify(event),
  }),
};

describe('the local API', () => {
  const stack = withStack({ extraRoutes: [echo] });

  it('lists every operating mission from the missions data, and never an email address', async () => {
    const { missions } = loadMissionsFile(MISSIONS_FILE);
    const operating = missions.filter((m) => m.operating).map((m) => m.id).sort();
    const hidden = missions.filter((m) => !m.operating).map((m) => m.id);
    expect(hidden.length).toBeGreaterThan(0);

    const res = await api(stack.current, '/api/missions');
    expect(res.status).toBe(200);
    const listed = res.body.missions as Record<string, unknown>[];
    expect(listed.map((m) => m.id).sort()).toEqual(operating);
    for (const m of listed) expect(Object.keys(m)).not.toContain('email');
    expect(JSON.stringify(res.body)).not.toMatch(/@[a-z0-9-]+\.(?:gov|fco|org|com)/i);
  });

  it('answers an unknown API path with a JSON 404 and a wrong method with a JSON 405', async () => {
    const missing = await api(stack.current, '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } });

    const wrongMethod = await api(stack.current, '/api/missions', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(wrongMethod.body).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('refuses an oversize body with a JSON 413, announced or streamed, and keeps serving', async () => {
    const announced = await fetch(`${stack.current.url}/api/signatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(200_000) });
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'body' } });

    // Chunked, no Content-Length: refused once the limit is crossed, not after reading everything.
    const { hostname, port } = new URL(stack.current.url);
    const streamed = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request({ host: hostname, port, path: '/api/signatures', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode!, body }));
      });
      req.on('error', fail);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += 16 * 1024;
          if (!req.write(Buffer.alloc(16 * 1024, 0x20))) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('response', () => (sent = Infinity));
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: 'payload_too_large' } });

    expect((await api(stack.current, '/api/missions')).status).toBe(200);
  });

  it('hands a handler an API Gateway HTTP API v2 event and sends back its status, headers, cookies and body', async () => {
    const res = await fetch(`${stack.current.url}/api/local-echo/caf%C3%A9?b=2&a=1&a=3`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom-Header': 'Value', Cookie: 'session=abc; theme=dark', 'User-Agent': 'local-runtime-test' },
      body: '{"hello":"wörld"}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-from-handler')).toBe('yes');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const event = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /api/local-echo/{name}',
      rawPath: '/api/local-echo/caf%C3%A9',
      rawQueryString: 'b=2&a=1&a=3',
      queryStringParameters: { a: '1,3', b: '2' },
      pathParameters: { name: 'café' },
      cookies: ['session=abc', 'theme=dark'],
      body: '{"hello":"wörld"}',
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/api/local-echo/caf%C3%A9', sourceIp: '127.0.0.1', userAgent: 'local-runtime-test' }, stage: '$default' },
    });
    expect(event.headers['x-custom-header']).toBe('Value');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof event.requestContext.timeEpoch).toBe('number');
  });

  it('publishes where it runs in <data dir>/runtime.json for tools started separately', () => {
    const info = JSON.parse(readFileSync(join(stack.current.dataDir, 'runtime.json'), 'utf8')) as RuntimeInfo;
    expect(info).toMatchObject({ pid: process.pid, url: stack.current.url, sesUrl: stack.current.sesUrl, tableName: stack.current.tableName });
    expect(findRunningStack(stack.current.dataDir)?.dynamoEndpoint).toBe(stack.current.dynamoEndpoint);
  });
});

describe('the local site', () => {
  let outside = '';
  let webRoot = '';
  let origin = '';
  let server: Server;
  const appJs = `console.log(${JSON.stringify('letter '.repeat(400))});`;

  beforeAll(async () => {
    // The site folder sits beside a file it must never serve.
    outside = mkdtempSync(join(tmpdir(), 'web-root-'));
    webRoot = join(outside, 'site');
    mkdirSync(webRoot);
    writeFileSync(join(outside, 'package.json'), '{"secret":true}');
    server = createHttpServer({ webRoot, handlerFor: () => undefined });
    mkdirSync(join(webRoot, 'assets'));
    mkdirSync(join(webRoot, 'es'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Letter</title><p>Sign the letter</p>');
    writeFileSync(join(webRoot, 'es', 'index.html'), '<!doctype html><title>Carta</title>');
    writeFileSync(join(webRoot, 'assets', 'index-Bx7kQ2mZ.js'), appJs);
    writeFileSync(join(webRoot, 'robots.txt'), 'User-agent: *');
    writeFileSync(
      join(webRoot, 'inline.html'),
      '<!doctype html><html lang="en"><head><title>start</title><style>p{color:rgb(1, 2, 3)}</style></head><body><p>Letter</p>' +
        '<script>try { eval("1"); document.title = "eval ran"; } catch { document.title = "inline ran, eval refused"; }</script></body></html>',
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(outside, { recursive: true, force: true });
  });

  it('serves the page with the production security headers and revalidates it on every visit', async () => {
    const res = await rawGet(origin, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toContain('Sign the letter');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeDefined();

    const again = await rawGet(origin, '/', { 'if-none-match': String(res.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('lets a page run its own inline style and script, and nothing injected or evaluated', async () => {
    expect(hasChromium()).toBe(true);
    const csp = String((await rawGet(origin, '/inline.html')).headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}'/);
    expect(csp).not.toContain('unsafe');
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/inline.html`);
      expect(await page.title()).toBe('inline ran, eval refused');
      expect(await page.locator('p').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(1, 2, 3)');
      // A script added after load (as an injection would be) is not in the policy.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'document.title = "injected ran"';
        document.body.append(s);
      });
      expect(await page.title()).toBe('inline ran, eval refused');
    } finally {
      await close();
    }
  }, 60_000);

  it('serves a language folder by its index.html, redirecting the bare folder name', async () => {
    expect((await rawGet(origin, '/es/')).body.toString()).toContain('Carta');
    const bare = await rawGet(origin, '/es?x=1');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/es/?x=1');
  });

  it('sends hashed assets as immutable, compressed with brotli or gzip as the browser accepts', async () => {
    const br = await rawGet(origin, '/assets/index-Bx7kQ2mZ.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(appJs.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);

    const gz = await rawGet(origin, '/assets/index-Bx7kQ2mZ.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(appJs);

    const plain = await rawGet(origin, '/assets/index-Bx7kQ2mZ.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(appJs);
    expect((await rawGet(origin, '/robots.txt')).headers['cache-control']).toBe('no-cache');
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/..%5cpackage.json', '/%00'])(
    'never serves a file outside the site folder (%s)',
    async (path) => {
      const res = await rawGet(origin, path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.toString()).not.toContain('secret');
    },
  );

  it('answers a missing page with a 404 page and a POST to the site with 405', async () => {
    expect((await rawGet(origin, '/nothing-here.html')).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the built signing page', () => {
  const webPackage = existsSync(join(ROOT, 'web', 'vite.config.mts'));
  const stack = withStack();

  beforeAll(() => {
    if (!webPackage) {
      console.warn('Skipping "is served at /": web/vite.config.mts is absent, so there is no site to build.');
      return;
    }
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stderr}`);
    }
  }, 120_000);

  (webPackage ? it : it.skip)('is served at / by the local server', async () => {
    const res = await fetch(`${stack.current.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toMatch(/<form[\s>]/);
  });
});

describe('a second stack in the same process', () => {
  it('runs with its own data and configuration, not the first stack’s', async () => {
    const first = await startStack({ inProcess: true, quiet: true });
    const firstCount = (await api(first, '/api/missions')).body.missions.length as number;
    await first.stop();

    const dir = mkdtempSync(join(tmpdir(), 'missions-'));
    const file = join(dir, 'two.csv');
    writeFileSync(
      file,
      [
        MISSION_CSV_COLUMNS.join(','),
        'gb-embassy-fr-paris,FR,France,embassy,British Embassy Paris,Paris,"35 rue du Faubourg St Honoré, 75008 Paris",+33 1 44 51 31 00,,https://www.gov.uk/world/france,gov.uk',
        'gb-embassy-es-madrid,ES,Spain,embassy,British Embassy Madrid,Madrid,"Paseo de la Castellana 259D, 28046 Madrid",+34 917 146 300,,https://www.gov.uk/world/spain,gov.uk',
      ].join('\n'),
    );
    const second = await startStack({ inProcess: true, quiet: true, missionsFile: file });
    try {
      const ids = ((await api(second, '/api/missions')).body.missions as { id: string }[]).map((m) => m.id).sort();
      expect(ids).toEqual(['gb-embassy-es-madrid', 'gb-embassy-fr-paris']);
      expect(firstCount).toBeGreaterThan(2);
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cannot run beside another one (the handlers share process.env)', async () => {
    const one = await startStack({ inProcess: true, quiet: true });
    try {
      await expect(startStack({ inProcess: true, quiet: true })).rejects.toThrow(/already running/);
    } finally {
      await one.stop();
    }
  });

  it('refuses a port that is taken, saying which', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const attempt = startStack({ inProcess: true, quiet: true, port: taken });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`Port ${taken} (site and API, PORT) is already in use`);
    } finally {
      blocker.close();
    }
  });
});

describe('a local service (the dispatch stand-ins plug in this way)', () => {
  it('starts with the stack after its environment is set, serves its own route, and stops with it', async () => {
    const events: string[] = [];
    const probe: LocalService = {
      name: 'probe',
      async start(ctx) {
        events.push(`start ${ctx.tableName}`);
        // Loaded in the handlers' module scope: the same config module instance they read.
        const { config } = ctx.load<typeof import('../../functions/config')>('functions/config');
        return {
          describe: 'Probe: ready',
          routes: [{ method: 'GET', path: '/local/probe', handler: async () => ({ statusCode: 200, body: JSON.stringify({ table: config.tableName, url: config.publicUrl }) }) }],
          stop: async () => void events.push('stop'),
        };
      },
    };
    const stack = await startStack({ inProcess: true, quiet: true, services: [probe], tableName: 'probe-table' });
    try {
      expect(stack.serviceLines).toEqual(['Probe: ready']);
      expect(await (await fetch(`${stack.url}/local/probe`)).json()).toEqual({ table: 'probe-table', url: stack.url });
      // The stack hands out the instances its services were given.
      const scoped = stack.load<typeof import('../../functions/config')>('functions/config');
      expect(scoped === stack.load('functions/config')).toBe(true);
      // ...which are not the test file's own: each stack has its handlers' configuration to itself.
      expect(scoped === jest.requireActual('../../functions/config')).toBe(false);
      expect((await fetch(`${stack.url}/local/probe`, { method: 'POST' })).status).toBe(405);
    } finally {
      await stack.stop();
    }
    expect(events).toEqual(['start probe-table', 'stop']);
  });

  it('that fails to start stops the stack with its name in the error', async () => {
    const broken: LocalService = { name: 'scheduler', start: async () => Promise.reject(new Error('no campaign')) };
    await expect(startStack({ inProcess: true, quiet: true, services: [broken] })).rejects.toThrow('The local service "scheduler" failed to start: no campaign');
    // Everything it had started was stopped: a new stack can start in this process.
    const next = await startStack({ inProcess: true, quiet: true });
    await next.stop();
  });
});

describe('the runtime file', () => {
  it('is ignored when the process that wrote it is gone (a stack killed without cleanup)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const info = { pid: Number(dead.stdout), url: 'http://127.0.0.1:1', mailboxUrl: '', sesUrl: '', dynamoEndpoint: '', tableName: 't', campaignDir: '', dataDir: dir, port: 1, sesPort: 2, dynamoPort: 3, children: {}, env: {}, startedAt: '' };
    writeRuntimeFile(dir, info);
    expect(findRunningStack(dir)).toBeUndefined();
    writeRuntimeFile(dir, { ...info, pid: process.pid });
    expect(findRunningStack(dir)?.url).toBe('http://127.0.0.1:1');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('npm start', () => {
  let dataDir = '';
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const children: ChildProcess[] = [];
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'letters-restart-'));
  });
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const envFor = (extra: Record<string, string> = {}) => ({ ...process.env, PORT: '0', SES_PORT: '0', DYNAMODB_PORT: '0', DATA_DIR: dataDir, ...extra });

  /** Runs local/start.ts as `npm start` does and waits until it has written its runtime file. */
  async function start(): Promise<{ child: ChildProcess; info: RuntimeInfo; output: () => string }> {
    rmSync(join(dataDir, 'runtime.json'), { force: true });
    const child = spawn(tsx, ['local/start.ts'], { cwd: ROOT, env: envFor(), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    for (let i = 0; i < 600; i++) {
      const info = findRunningStack(dataDir);
      if (info && output.includes('Ctrl-C')) return { child, info, output: () => output };
      if (child.exitCode !== null) throw new Error(`local/start.ts exited with ${child.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`local/start.ts did not come up:\n${output}`);
  }

  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  async function interrupt(child: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    child.kill('SIGINT');
    return exited;
  }

  it('keeps every signature across a restart and leaves no stand-in running after Ctrl-C', async () => {
    const first = await start();
    expect(first.output()).toContain(first.info.url);
    expect(first.output()).toContain(first.info.mailboxUrl);
    expect(Object.keys(first.info.children).sort()).toEqual(['dynalite', 'ses']);

    const dynamo = (endpoint: string) => new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const key = { pk: { S: 'SIG#restart-test#1' }, sk: { S: 'SIG' } };
    const db1 = dynamo(first.info.dynamoEndpoint);
    await db1.send(new PutItemCommand({ TableName: first.info.tableName, Item: { ...key, status: { S: 'confirmed' } } }));
    db1.destroy();
    const missionsBefore = (await (await fetch(`${first.info.url}/api/missions`)).json()) as { missions: unknown[] };

    expect(await interrupt(first.child)).toBe(0);
    for (const pid of [first.info.pid, ...Object.values(first.info.children)]) expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);

    const second = await start();
    const db2 = dynamo(second.info.dynamoEndpoint);
    const kept = await db2.send(new GetItemCommand({ TableName: second.info.tableName, Key: key }));
    db2.destroy();
    expect(kept.Item?.status?.S).toBe('confirmed');
    // Missions are seeded once, not again on top of what is there.
    expect(second.output()).not.toContain('Loaded');
    const missionsAfter = (await (await fetch(`${second.info.url}/api/missions`)).json()) as { missions: unknown[] };
    expect(missionsAfter.missions).toHaveLength(missionsBefore.missions.length);

    expect(await interrupt(second.child)).toBe(0);
    for (const pid of [second.info.pid, ...Object.values(second.info.children)]) expect(isAlive(pid)).toBe(false);
  }, 90_000);

  it('stops its stand-ins even when it is killed outright', async () => {
    const run = await start();
    // SIGKILL on the process running start.ts: no handler runs; the stand-ins notice their parent is gone.
    process.kill(run.info.pid, 'SIGKILL');
    run.child.kill('SIGKILL');
    const pids = Object.values(run.info.children);
    for (let i = 0; i < 100 && pids.some(isAlive); i++) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter(isAlive)).toEqual([]);
  }, 60_000);

  it('fails with a clear message when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const run = spawnSync(tsx, ['local/start.ts'], { cwd: ROOT, env: envFor({ PORT: String(taken) }), encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Port ${taken} (site and API, PORT) is already in use`);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
