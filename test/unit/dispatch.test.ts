import { backoffMs, dispatchComplete, dispatchReport, emptyLedger, enumerationRanges, estimatedSeconds, plannedSendRate, taskOf, tallyOf, reconciliation } from '../../functions/core/dispatch';

describe('the dispatch plan', () => {
  it('walks a small mission\'s shards with one message and splits a large one over every shard', () => {
    expect(enumerationRanges(60, 16)).toEqual([[0, 15]]);
    expect(enumerationRanges(1, 16)).toEqual([[0, 15]]);
    expect(enumerationRanges(450, 16, 200)).toEqual([[0, 4], [5, 9], [10, 15]]);
    expect(enumerationRanges(100_000, 16)).toHaveLength(16);
    expect(enumerationRanges(100_000, 16).every(([a, b]) => a === b)).toBe(true);
  });

  it('covers every shard exactly once, whatever the count', () => {
    for (const letters of [0, 1, 199, 200, 201, 999, 3200, 3201, 50_000]) {
      const covered = enumerationRanges(letters, 16).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
      expect(covered).toEqual(Array.from({ length: 16 }, (_, i) => i));
    }
  });

  it('gives each enumeration message its own task, kept across its pages and shards', () => {
    const ranges = enumerationRanges(450, 16, 200);
    const tasks = ranges.map(([a, b]) => taskOf({ kind: 'enumerate', campaignId: 'c', run: 'r', missionId: 'm', shard: a, lastShard: b, task: `enum#m#${a}-${b}` }));
    expect(new Set(tasks).size).toBe(ranges.length);
    expect(taskOf({ kind: 'enumerate', campaignId: 'c', run: 'r', missionId: 'm', shard: 3 })).toBe('enum#m#3');
    expect(taskOf({ kind: 'dossier', campaignId: 'c', run: 'r', missionId: 'm' })).toBe('dossier#m');
  });

  it('is complete only when every enumeration ran and every queued letter is sent or failed', () => {
    expect(dispatchComplete({ ...emptyLedger(), queued: 10, sent: 9 }, 0)).toBe(false);
    expect(dispatchComplete({ ...emptyLedger(), queued: 10, sent: 9, failed: 1 }, 0)).toBe(true);
    expect(dispatchComplete({ ...emptyLedger(), queued: 10, sent: 10 }, 1)).toBe(false);
  });

  it('estimates the duration from the send rate, counting the note to each signer', () => {
    expect(estimatedSeconds(1000, 10, false)).toBe(100);
    expect(estimatedSeconds(1000, 10, true)).toBe(200);
    // At 400/s the pacer plans 392 a second (2% headroom): 100,000 letters take 256 s, not 250.
    expect(estimatedSeconds(100_000, 400, false)).toBe(256);
  });

  it('plans 2% under the SES cap in whole mails, never below one a second', () => {
    expect(plannedSendRate(400)).toBe(392);
    expect(plannedSendRate(120)).toBe(118);
    expect(plannedSendRate(49)).toBe(49);
    expect(plannedSendRate(14)).toBe(14);
    expect(plannedSendRate(1)).toBe(1);
    expect(plannedSendRate(0.5)).toBe(1);
  });

  it('backs off exponentially with full jitter, up to a cap', () => {
    expect(backoffMs(0, 200, 10_000, () => 0.999)).toBeLessThan(200);
    expect(backoffMs(3, 200, 10_000, () => 0.999)).toBeLessThan(1600);
    expect(backoffMs(3, 200, 10_000, () => 0.999)).toBeGreaterThan(1500);
    expect(backoffMs(20, 200, 10_000, () => 0.999)).toBeLessThan(10_000);
  });

  it('reports failures first, then missions whose letters need a printed pack', () => {
    const missions = [
      { id: 'ok', name: 'Fine', countryCode: 'FR', email: 'a@x.org', emailStatus: 'unverified' },
      { id: 'none', name: 'No Address', countryCode: 'AT', email: '', emailStatus: 'unverified' },
      { id: 'bad', name: 'Bouncing', countryCode: 'BR', email: 'b@x.org', emailStatus: 'failing' },
      { id: 'err', name: 'Refused', countryCode: 'KE', email: 'c@x.org', emailStatus: 'verified' },
    ];
    const report = dispatchReport(
      {
        ok: { ...emptyLedger(), queued: 5, sent: 5, delivered: 5 },
        none: { ...emptyLedger(), no_address: 3 },
        bad: { ...emptyLedger(), queued: 2, sent: 2, bounced: 1 },
        err: { ...emptyLedger(), queued: 1, failed: 1 },
      },
      missions,
    );
    expect(report.lines.map((l) => l.missionId)).toEqual(['err', 'none', 'bad', 'ok']);
    expect(report.lines.find((l) => l.missionId === 'none')?.addressProblem).toBe('no_address');
    expect(report.lines.find((l) => l.missionId === 'bad')?.addressProblem).toBe('failing');
    expect(report.totals).toMatchObject({ queued: 8, sent: 7, failed: 1, no_address: 3 });
    expect(report.problems).toBe(3);
  });
});

describe('recounting the ledger from the letters', () => {
  it('counts letters in the send path as queued, and sent, failed and printed ones apart', () => {
    expect(tallyOf(['queued', 'sending', 'sent', 'sent', 'failed', 'no_address', undefined])).toEqual({ queued: 5, sent: 2, failed: 1, no_address: 1 });
  });

  it('adds only the difference, either way, and nothing when the ledger agrees', () => {
    const ledger = { ...emptyLedger(), queued: 10, sent: 7, failed: 1, delivered: 6 };
    expect(reconciliation(ledger, { queued: 10, sent: 9, failed: 1, no_address: 0 })).toEqual({ sent: 2 });
    expect(reconciliation(ledger, { queued: 9, sent: 7, failed: 1, no_address: 1 })).toEqual({ queued: -1, no_address: 1 });
    expect(reconciliation(ledger, { queued: 10, sent: 7, failed: 1, no_address: 0 })).toEqual({});
  });
});
