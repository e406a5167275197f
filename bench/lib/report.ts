/** The shape every benchmark returns from run(), and how `npm run bench` prints it. */

/** One measured number. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target; met when `value <op> target`. */
  goal?: { op: '>=' | '<=' | '=='; target: number };
  /** Another figure of the same result this one is compared with (printed as value / baseline). */
  baseline?: string;
  note?: string;
}

/** What a bench module's run() resolves to. */
export interface BenchResult {
  /** File name without .ts, e.g. "signing-throughput". */
  name: string;
  title: string;
  figures: Figure[];
  /** How it was measured (machine, concurrency, duration...). */
  notes: string[];
}

/** Whether a figure meets its goal (undefined when it has none). */
export function goalMet(f: Figure): boolean | undefined {
  if (!f.goal) return undefined;
  const { op, target } = f.goal;
  return op === '>=' ? f.value >= target : op === '<=' ? f.value <= target : f.value === target;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-GB');
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** A plain-text table: figure, value, goal with ✓/✗, and the ratio to its baseline or goal. */
export function formatResult(r: BenchResult): string {
  const byName = new Map(r.figures.map((f) => [f.name, f]));
  const rows = r.figures.map((f) => {
    const met = goalMet(f);
    const base = f.baseline ? byName.get(f.baseline) : undefined;
    const ratio = base && base.value !== 0 ? `${(f.value / base.value).toFixed(2)}× ${base.name}` : f.goal && f.goal.target !== 0 ? `${(f.value / f.goal.target).toFixed(2)}× goal` : '';
    return [f.name, `${fmt(f.value)} ${f.unit}`, f.goal ? `${f.goal.op} ${fmt(f.goal.target)} ${met ? '✓' : '✗'}` : '', ratio, f.note ?? ''];
  });
  const head = ['figure', 'value', 'goal', 'ratio', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [`== ${r.title} (${r.name})`, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...r.notes.map((n) => `   ${n}`)].join('\n');
}
