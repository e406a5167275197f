/** Small statistics for benchmark samples. */

/** The q-quantile (0..1) of samples by nearest rank; NaN for no samples. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (samples: number[]) => quantile(samples, 0.5);

/** Runs `worker` on `concurrency` parallel loops until `deadline` (ms since epoch); returns what each call returned. */
export async function runUntil<T>(concurrency: number, deadline: number, worker: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) results.push(await worker(next++));
    }),
  );
  return results;
}
