/**
 * Generated hostile requests against every public write route: wrong types, missing and extra fields,
 * huge strings, control characters, CR/LF, HTML and script, invalid UTF-8, deep nesting, oversize
 * bodies and wrong content types. Never a 5xx, always an error naming the field, nothing stored.
 * 10,000 bodies per route go to the handler as Lambda would call it; a sample also goes over HTTP.
 */
import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/clients';
import { COUNTRY_CODES } from '../../functions/core/countries';
import { ROUTES } from '../../functions/routes';
import { openCampaign } from '../fixtures/campaigns';
import { httpEvent, type Handler } from '../support/events';
import { Mailbox } from '../support/mailbox';
import { withStack } from '../support/stack';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 10_000);
const HTTP_RUNS = Math.min(RUNS, 300);

interface HostileRequest {
  body?: string;
  bytes?: Buffer;
  headers: Record<string, string>;
  /** The field the answer must name. */
  field: string;
  what: string;
}

const nonString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const control = fc.constantFrom('\u0000', '\u0007', '\r', '\n', '\r\n', '\u001b[31m', '\u007f', '\u202e', '\u2028');
// Inside the text (a trailing newline is only trimmed away, which is harmless).
const withControl = fc.tuple(fc.string({ maxLength: 20 }), control, fc.string({ maxLength: 20 })).map(([a, c, b]) => `Ana${a}${c}x${b}`);
// Long, but under the 8 KB body limit, so the answer is about the field and not the size.
const huge = (min: number) => fc.integer({ min, max: min + 1500 }).map((n) => 'é'.repeat(n));
const markup = fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert('x')");

/** Values that are invalid for each field of POST /api/signatures (the request must name that field). */
const signatureFieldFaults: Record<string, fc.Arbitrary<unknown>> = {
  fullName: fc.oneof(nonString, fc.constant(''), fc.constant('   '), withControl, huge(121), fc.constantFrom('12345', '!!!', '---', '<>/"')),
  country: fc.oneof(nonString, fc.constant(''), fc.string({ maxLength: 4 }).filter((s) => !COUNTRY_CODES.includes(s)), fc.constantFrom('fr', 'GBR', 'ZZ', '<b>')),
  email: fc.oneof(
    nonString,
    fc.constant(''),
    fc.string({ maxLength: 30 }).filter((s) => !s.includes('@')),
    fc.constantFrom('a@example.org\r\nBcc: victim@example.org', 'a@example.org\nSubject: hi', '<script>@example.org', 'a@b', '@example.org', 'a@@example.org'),
    huge(255).map((s) => `${s}@example.org`),
    markup,
  ),
  missionId: fc.oneof(nonString, fc.constant(''), fc.constantFrom('GB-EMBASSY', '../etc/passwd', 'a b', 'x;DROP TABLE', 'gb-embassy-zz-nowhere'), huge(81), markup),
  consent: fc.oneof(fc.constant(false), fc.constant('true'), fc.constant(1), fc.constant(null), fc.constant('yes')),
  shareEmail: fc.oneof(fc.constant('yes'), fc.constant(1), fc.constant(null), fc.constant('true'), fc.array(fc.boolean(), { maxLength: 2 })),
  display: fc.oneof(fc.constant('everyone'), fc.constant(''), fc.constant(null), fc.integer(), markup),
  language: fc.oneof(fc.integer(), fc.constant(null), fc.string({ minLength: 9, maxLength: 40 }), fc.array(fc.string(), { maxLength: 2 })),
};

const tokenFaults: Record<string, fc.Arbitrary<unknown>> = {
  token: fc.oneof(
    nonString,
    fc.constant(''),
    fc.string({ maxLength: 200 }),
    // Shaped like a real token, but not one we issued: guessing cannot confirm or remove anything.
    fc.tuple(fc.stringMatching(/^[A-Za-z0-9_-]{26}$/), fc.stringMatching(/^[A-Za-z0-9_-]{32}$/)).map(([a, b]) => `${a}.${b}`),
    huge(101),
    markup,
    withControl,
  ),
};

const textControl = fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u007f', '\u202e', '\u2028', '\u000b');
const withTextControl = fc.tuple(fc.string({ maxLength: 20 }), textControl, fc.string({ maxLength: 20 })).map(([a, c, b]) => `We${a}${c}x${b}`);
const lineFaults = (max: number) => fc.oneof(nonString, fc.constant(''), fc.constant('   '), withControl, huge(max + 1), fc.constantFrom('!!!', '---', '<>/"'));
const emailFaults = signatureFieldFaults.email!;
const missionFaults = signatureFieldFaults.missionId!;

const actionFaults: Record<string, fc.Arbitrary<unknown>> = {
  organisation: lineFaults(160),
  email: emailFaults,
  missionId: missionFaults,
  startsAt: fc.oneof(nonString, fc.constant(''), fc.constantFrom('10/12/2026', '2026-12-10', '2026-13-45T99:99:00Z', '2099-01-01T10:00:00Z', '2001-01-01T10:00:00Z', 'tomorrow'), markup),
  description: fc.oneof(nonString, fc.constant(''), fc.constant('  '), withTextControl, huge(2001)),
  consent: signatureFieldFaults.consent!,
  language: signatureFieldFaults.language!,
};

const cosignerFaults: Record<string, fc.Arbitrary<unknown>> = {
  kind: fc.oneof(nonString, fc.constant(''), fc.constantFrom('club', 'Organisation', 'person'), markup),
  name: lineFaults(160),
  country: signatureFieldFaults.country!,
  website: fc.oneof(fc.integer(), fc.constant(null), fc.constantFrom('javascript:alert(1)', 'ftp://example.org', 'example.org', 'https://', 'https://a b.org', 'https://x.org/"onmouseover=alert(1)'), huge(301).map((s) => `https://${s}.org`)),
  email: emailFaults,
  display: signatureFieldFaults.display!,
  consent: signatureFieldFaults.consent!,
  language: signatureFieldFaults.language!,
};

const photoFaults: Record<string, fc.Arbitrary<unknown>> = {
  uploadToken: tokenFaults.token!,
  contentType: fc.oneof(nonString, fc.constant(''), fc.constantFrom('image/gif', 'image/svg+xml', 'text/html', 'image/jpeg; charset=x', 'IMAGE/JPEG'), markup),
  size: fc.oneof(fc.constant(0), fc.constant(-1), fc.constant(10 * 1024 * 1024 + 1), fc.constant(1.5), fc.constant('1000'), fc.constant(null), fc.constant(Number.MAX_SAFE_INTEGER)),
};

interface RouteSpec {
  path: string;
  /** Path parameters of the route ({id}), and the URL to call over HTTP. */
  pathParameters?: Record<string, string>;
  url?: string;
  valid: Record<string, unknown>;
  faults: Record<string, fc.Arbitrary<unknown>>;
  /** Fields whose absence is an error (in form order). */
  required: string[];
}

const SPECS: RouteSpec[] = [
  {
    path: '/api/signatures',
    valid: { fullName: 'Ana Souza', country: 'BR', email: 'ana@example.org', missionId: 'gb-embassy-fr-paris', consent: true, shareEmail: false, display: 'initials', language: 'pt' },
    faults: signatureFieldFaults,
    required: ['fullName', 'country', 'email', 'missionId', 'consent'],
  },
  { path: '/api/signatures/confirm', valid: { token: 'x' }, faults: tokenFaults, required: ['token'] },
  { path: '/api/signatures/remove', valid: { token: 'x' }, faults: tokenFaults, required: ['token'] },
  {
    path: '/api/actions',
    valid: { organisation: 'Amnesty Group', email: 'group@example.org', missionId: 'gb-embassy-fr-paris', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), description: 'We hand in the letter.', consent: true, language: 'fr' },
    faults: actionFaults,
    required: ['organisation', 'email', 'missionId', 'startsAt', 'description', 'consent'],
  },
  { path: '/api/actions/confirm', valid: { token: 'x' }, faults: tokenFaults, required: ['token'] },
  {
    path: '/api/actions/{id}/photos',
    pathParameters: { id: 'a'.repeat(26) },
    url: `/api/actions/${'a'.repeat(26)}/photos`,
    valid: { uploadToken: `${'a'.repeat(26)}.${'A'.repeat(32)}`, contentType: 'image/jpeg', size: 1000 },
    faults: photoFaults,
    required: ['uploadToken', 'contentType', 'size'],
  },
  {
    path: '/api/cosigners',
    valid: { kind: 'organisation', name: 'Liberté Presse', country: 'FR', website: 'https://liberte.example.org', email: 'press@example.org', display: 'full', consent: true, language: 'fr' },
    faults: cosignerFaults,
    required: ['kind', 'name', 'country', 'email', 'consent'],
  },
  { path: '/api/cosigners/confirm', valid: { token: 'x' }, faults: tokenFaults, required: ['token'] },
  {
    path: '/api/calls',
    valid: { missionId: 'gb-embassy-fr-paris', outcome: 'reached' },
    faults: { missionId: missionFaults, outcome: fc.oneof(nonString, fc.constant(''), fc.constantFrom('REACHED', 'shouted', 'no answer'), markup) },
    required: ['missionId', 'outcome'],
  },
  {
    path: '/api/missions/{id}/reports',
    pathParameters: { id: 'gb-embassy-fr-paris' },
    url: '/api/missions/gb-embassy-fr-paris/reports',
    valid: { message: 'The phone number changed.', email: 'helper@example.org' },
    faults: { message: fc.oneof(nonString, fc.constant(''), fc.constant('   '), withTextControl, huge(2001)), email: emailFaults.filter((v) => v !== '') }, // no email ('') is allowed here
    required: ['message'],
  },
];

function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Hostile requests for a route: each has exactly one fault, and the field the answer must name. */
function hostile(spec: RouteSpec): fc.Arbitrary<HostileRequest> {
  const json = { 'content-type': 'application/json' };
  const extra = fc.dictionary(fc.string({ maxLength: 12 }).filter((k) => !(k in spec.valid) && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  const fieldFault = fc
    .constantFrom(...Object.keys(spec.faults))
    .chain((field) => fc.tuple(fc.constant(field), spec.faults[field]!, extra))
    .map(([field, value, more]): HostileRequest => ({ body: JSON.stringify({ ...more, ...spec.valid, [field]: value }), headers: json, field, what: `bad ${field}` }));
  const missing = fc.constantFrom(...spec.required).map((field): HostileRequest => {
    const body = { ...spec.valid };
    delete body[field];
    return { body: JSON.stringify(body), headers: json, field, what: `missing ${field}` };
  });
  const notAnObject = fc
    .oneof(fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), fc.constantFrom('[]', 'null', '"x"', '42'))
    .map((v): HostileRequest => ({ body: typeof v === 'string' && /^[[n"0-9]/.test(v) ? v : JSON.stringify(v), headers: json, field: 'body', what: 'not an object' }));
  const notJson = fc
    .oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"a":}', "{'a':1}", '<xml/>', 'fullName=Ana&consent=true', '\u0000'))
    .filter((s) => {
      try {
        const v = JSON.parse(s);
        return false && v;
      } catch {
        return true;
      }
    })
    .map((s): HostileRequest => ({ body: s, headers: json, field: 'body', what: 'not JSON' }));
  // A deeply nested object is still an object: the answer names the first field it lacks.
  const deep = fc.integer({ min: 200, max: 1300 }).map((d): HostileRequest => ({ body: deepJson(d), headers: json, field: spec.required[0]!, what: 'deeply nested' }));
  const oversize = fc.integer({ min: 8 * 1024 + 1, max: 200_000 }).map((n): HostileRequest => ({ body: JSON.stringify({ ...spec.valid, pad: 'x'.repeat(n) }), headers: json, field: 'body', what: 'oversize' }));
  const badUtf8 = fc
    .constantFrom(Buffer.from([0xc3, 0x28]), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]))
    .map((b): HostileRequest => ({ bytes: Buffer.concat([Buffer.from('{"fullName":"'), b, Buffer.from('"}')]), headers: json, field: 'body', what: 'invalid UTF-8' }));
  const wrongType = fc
    .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/jsonp', '')
    .map((ct): HostileRequest => ({ body: JSON.stringify(spec.valid), headers: ct ? { 'content-type': ct } : {}, field: 'body', what: `content-type ${ct || 'missing'}` }));
  return fc.oneof(
    { arbitrary: fieldFault, weight: 10 },
    { arbitrary: missing, weight: 2 },
    { arbitrary: notAnObject, weight: 1 },
    { arbitrary: notJson, weight: 1 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: oversize, weight: 1 },
    { arbitrary: badUtf8, weight: 1 },
    { arbitrary: wrongType, weight: 1 },
  );
}

function expectRefusal(status: number, text: string, req: HostileRequest) {
  if (status < 400 || status >= 500) throw new Error(`${req.what}: answered ${status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { error?: { code?: string; message?: string; field?: string } };
  if (!body.error?.code || !body.error.message) throw new Error(`${req.what}: no error code/message in ${text.slice(0, 200)}`);
  if (body.error.field !== req.field) throw new Error(`${req.what}: expected field ${req.field}, got ${body.error.field} (${text.slice(0, 200)})`);
}

describe('hostile requests to the public write routes', () => {
  const stack = withStack({ campaignDir: openCampaign({ rateLimits: { perMinute: 1_000_000, perHour: 10_000_000 } }) });
  const tally: string[] = [];

  afterAll(() => {
    if (tally.length) console.log(`Hostile inputs tried:\n  ${tally.join('\n  ')}`);
  });

  it('covers every POST route of the API', () => {
    expect(SPECS.map((s) => s.path).sort()).toEqual(ROUTES.filter((r) => r.method === 'POST').map((r) => r.path).sort());
  });

  for (const spec of SPECS) {
    it(`${spec.path}: ${RUNS.toLocaleString('en')} generated bodies to the handler, each refused with a 4xx naming its field`, async () => {
      const route = ROUTES.find((r) => r.method === 'POST' && r.path === spec.path)!;
      const { handler } = stack.current.load<{ handler: Handler }>(`functions/handlers/${route.handler}`);
      const kinds = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(hostile(spec), async (req) => {
          const res = await handler(httpEvent({ method: 'POST', path: spec.url ?? spec.path, pathParameters: spec.pathParameters, body: req.body, bytes: req.bytes, headers: req.headers }));
          expectRefusal(res.statusCode ?? 200, String(res.body ?? ''), req);
          const kind = req.what.replace(/^(bad|missing) .*/, '$1 field').replace(/^content-type .*/, 'wrong content type');
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }),
        { numRuns: RUNS },
      );
      tally.push(`${spec.path}: ${RUNS} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
    }, Math.max(300_000, RUNS * 30));

    it(`${spec.path}: ${HTTP_RUNS} generated requests over HTTP, the same answers`, async () => {
      // The handler-level run above resolves in microtasks only, so timers wait until it ends: let the
      // server's overdue keep-alive timeouts close idle connections now, not under the first request.
      await new Promise((r) => setTimeout(r, 200));
      await fc.assert(
        fc.asyncProperty(hostile(spec), async (req) => {
          const res = await fetch(`${stack.current.url}${spec.url ?? spec.path}`, { method: 'POST', headers: req.headers, body: req.bytes ? new Uint8Array(req.bytes) : req.body });
          expectRefusal(res.status, await res.text(), req);
        }),
        { numRuns: HTTP_RUNS },
      );
    }, 120_000);
  }

  it('GET routes answer every hostile query string without a 5xx', async () => {
    const gets = ROUTES.filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), fc.dictionary(fc.constantFrom('lang', 'missionId', 'x', '__proto__', 'constructor'), fc.oneof(fc.string({ maxLength: 50 }), markup, huge(100)), { maxKeys: 3 }), async (route, query) => {
        const qs = new URLSearchParams(query).toString();
        const res = await fetch(`${stack.current.url}${route.path}${qs ? `?${qs}` : ''}`);
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${route.path}?${qs}: ${res.status} ${text.slice(0, 200)}`);
        expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i); // no email address in a public answer
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  }, 120_000);

  it('stored nothing and sent no mail for any of them', async () => {
    const res = await dynamoClient().send(new ScanCommand({ TableName: stack.current.tableName }));
    const stored = (res.Items ?? []).filter((i) => /^(SIG|ACTION|COSIGNER|REPORT|CALLS)#/.test(String(i.pk)));
    expect(stored).toHaveLength(0);
    expect(await new Mailbox(stack.current.sesUrl).all()).toHaveLength(0);
  });
});
