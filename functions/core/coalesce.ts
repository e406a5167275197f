/**
 * Merges calls that arrive while a write is in flight into the next write: one request carries many
 * callers' work, and each caller's promise settles when the request carrying its item does. Nothing
 * waits on a timer, so a lone call costs no latency; under load the requests shrink to a few per tick.
 */
export function coalescing<T, R = void>(flush: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let pending: { item: T; ok: (r: R) => void; fail: (e: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        const results = await flush(batch.map((b) => b.item));
        batch.forEach((b, i) => b.ok(results[i] as R));
      } catch (e) {
        batch.forEach((b) => b.fail(e));
      }
    }
    running = false;
  };
  return (item: T) =>
    new Promise<R>((ok, fail) => {
      pending.push({ item, ok, fail });
      if (!running) void drain();
    });
}
