/** Signing when the campaign has closed, and when one network sends too much. (Own file: each needs its own campaign settings.) */
import { startStack, type RunningStack } from '../support/stack';
import { closedCampaign, openCampaign } from '../fixtures/campaigns';

const body = (n: number) => ({ fullName: `Office Worker ${n}`, country: 'GB', email: `worker${n}@example.org`, missionId: 'gb-embassy-fr-paris', consent: true });
const post = (stack: RunningStack, path: string, payload: unknown) =>
  fetch(`${stack.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

describe('signing', () => {
  let stack: RunningStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it('is refused with 409 campaign_closed once the dispatch time has passed, and confirming is too', async () => {
    stack = await startStack({ inProcess: true, quiet: true, campaignDir: closedCampaign() });
    const res = await post(stack, '/api/signatures', body(1));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'campaign_closed' } });
    const campaign = (await (await fetch(`${stack.url}/api/campaign`)).json()) as { status: string };
    expect(campaign.status).toBe('closed');
  });
});

describe('one network signing many times', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ inProcess: true, quiet: true, campaignDir: openCampaign({ rateLimits: { perMinute: 5, perHour: 100 } }) });
  });
  afterAll(async () => stack?.stop());

  it('is slowed down with 429 and a Retry-After once past the per-minute limit, not locked out', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let message = '';
    for (let n = 0; n < 8; n++) {
      const res = await post(stack, '/api/signatures', body(n));
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        message = ((await res.json()) as { error: { message: string } }).error.message;
      }
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(message).toMatch(/try again in \d+ seconds/);
  });
});
