/**
 * The send rate shared by every worker (functions/adapters/send-pacer.ts), against dynalite with a
 * clock the test moves: never more sends start in one second than the cap, however many ask at once
 * and from however many processes; and none starts so late in its second that it could reach SES in
 * the next one.
 */
import { DynamoSendPacer, END_MARGIN_MS } from '../../functions/adapters/send-pacer';
import { resetClients } from '../../functions/clients';
import { withStack } from '../support/stack';

const stack = withStack();
beforeAll(() => resetClients());

/** A clock that moves only when someone sleeps: each sleeper wakes at its own time. */
function fakeClock(startMs: number) {
  const clock = {
    now: startMs,
    sleep: async (ms: number) => {
      const until = clock.now + ms;
      await new Promise((r) => setImmediate(r));
      clock.now = Math.max(clock.now, until);
    },
  };
  return clock;
}

let campaigns = 0;
const pacerOn = (clock: ReturnType<typeof fakeClock>, cap: number, campaignId = `pace-${++campaigns}`) =>
  new DynamoSendPacer(stack.current.tableName, campaignId, cap, () => clock.now, clock.sleep);

it('starts no more sends in a second than the cap, however many workers ask at once', async () => {
  const clock = fakeClock(Date.UTC(2026, 11, 10, 9, 0, 0) + 100);
  const campaignId = `pace-${++campaigns}`;
  // Three "processes" (three pacers on one table) asking for 37 slots between them at a cap of 5.
  const pacers = [pacerOn(clock, 5, campaignId), pacerOn(clock, 5, campaignId), pacerOn(clock, 5, campaignId)];
  const seconds = await Promise.all(Array.from({ length: 37 }, (_, i) => pacers[i % 3]!.acquire()));
  const perSecond = new Map<number, number>();
  for (const s of seconds) perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
  expect(seconds).toHaveLength(37);
  expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
  // The cap is used, not just respected: most seconds are full.
  expect([...perSecond.values()].filter((n) => n === 5).length).toBeGreaterThanOrEqual(5);
});

it('starts no send in the last moment of a second, where it could reach SES in the next', async () => {
  const second = Date.UTC(2026, 11, 10, 9, 0, 1) / 1000;
  const clock = fakeClock(second * 1000 + 1000 - END_MARGIN_MS + 10);
  const pacer = pacerOn(clock, 5);
  const got = await pacer.acquire();
  expect(got).toBe(second + 1);
  expect(clock.now).toBeGreaterThanOrEqual((second + 1) * 1000);
  expect(clock.now % 1000).toBeLessThan(1000 - END_MARGIN_MS);
});

it('does not use a slot granted after its second ended (the store answered late)', async () => {
  const second = Date.UTC(2026, 11, 10, 9, 0, 2) / 1000;
  const clock = fakeClock(second * 1000 + 500);
  const pacer = new DynamoSendPacer(
    stack.current.tableName,
    `pace-${++campaigns}`,
    5,
    // The clock jumps by 600 ms while the first slot is granted, as a store busy that long would make it.
    (() => {
      let reads = 0;
      return () => (++reads === 3 ? (clock.now += 600) : clock.now);
    })(),
    clock.sleep,
  );
  const got = await pacer.acquire();
  expect(got).toBe(second + 1);
});

it("spreads a second's sends evenly over its first 900 ms instead of starting them all at once", async () => {
  const second = Date.UTC(2026, 11, 10, 9, 0, 3) / 1000;
  const clock = fakeClock(second * 1000);
  const wakes: number[] = [];
  const pacer = new DynamoSendPacer(stack.current.tableName, `pace-${++campaigns}`, 5, () => clock.now, (ms) => {
    wakes.push(clock.now + ms - second * 1000);
    return clock.sleep(ms);
  });
  const got = await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()));
  expect(got).toEqual([second, second, second, second, second]);
  // Slot k of 5 starts k x 900 / 5 ms into the second (slot 0 at once, without sleeping).
  expect(wakes.sort((a, b) => a - b)).toEqual([180, 360, 540, 720]);
});

it('leaves 2% of a large cap unplanned, for sends that reach SES a moment late', async () => {
  const second = Date.UTC(2026, 11, 10, 9, 0, 5) / 1000;
  const clock = fakeClock(second * 1000 + 10);
  const pacer = pacerOn(clock, 120);
  const got = await Promise.all(Array.from({ length: 130 }, () => pacer.acquire()));
  expect(got.filter((s) => s === second)).toHaveLength(120 - 2);
});
