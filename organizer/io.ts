/** How commands talk to the organiser: lines out, warnings, progress and yes/no questions (replaceable in tests). */
import { createInterface } from 'node:readline/promises';
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  increment(n?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export interface Io {
  out(line?: string): void;
  err(line: string): void;
  /** A progress bar on a terminal; a line per 10 % otherwise (logs stay readable). */
  progress(label: string, total: number): Progress;
  /** Asks a yes/no question; false unless the answer is yes. */
  confirm(question: string): Promise<boolean>;
  /** Asks a free question (interactive moderation); undefined when nobody can answer (no terminal). */
  ask?(question: string): Promise<string | undefined>;
  /** Colour and bars only on a terminal. */
  isTTY: boolean;
}

export function terminalIo(): Io {
  const isTTY = Boolean(process.stderr.isTTY);
  return {
    out: (line = '') => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    isTTY,
    progress(label, total) {
      if (isTTY) {
        const bar = new SingleBar(
          { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true, etaBuffer: 50 },
          Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
        return {
          increment: (n = 1) => bar.increment(n),
          setTotal: (t) => bar.setTotal(Math.max(t, 1)),
          stop: () => bar.stop(),
        };
      }
      return lineProgress(label, total, (l) => process.stderr.write(l + '\n'));
    },
    async ask(question) {
      if (!process.stdin.isTTY) return undefined;
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return (await rl.question(`${question} `)).trim();
      } finally {
        rl.close();
      }
    },
    async confirm(question) {
      if (!process.stdin.isTTY) return false;
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^(y|yes)$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
  };
}

/** Progress as a line at each tenth, for logs and pipes. */
export function lineProgress(label: string, total: number, write: (line: string) => void): Progress {
  let value = 0;
  let shown = -1;
  const show = () => {
    const tenth = total > 0 ? Math.floor((value / total) * 10) : 0;
    if (tenth > shown) {
      shown = tenth;
      write(`${label}: ${value}/${total} (${total > 0 ? Math.min(100, Math.round((value / total) * 100)) : 0}%)`);
    }
  };
  return {
    increment(n = 1) {
      value += n;
      show();
    },
    setTotal(t) {
      total = t;
    },
    stop() {
      write(`${label}: ${value} done`);
    },
  };
}
