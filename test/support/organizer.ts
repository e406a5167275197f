/** The organiser's command line as a test drives it: scripted answers, captured output. */
import { lineProgress, type Io } from '../../organizer/io';
import { runOrganizer } from '../../organizer/program';

export function testIo({ confirm = false, answers = [] as string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l = '') => out.push(l),
    err: (l) => err.push(l),
    isTTY: false,
    progress: (label, total) => lineProgress(label, total, (l) => err.push(l)),
    confirm: async (q) => {
      out.push(q);
      return confirm;
    },
    ask: async () => answers.shift(),
  };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

/** Runs `npm run organizer -- <args>`; `confirm` answers yes/no questions, `answers` the free ones in turn. */
export async function organizer(args: string[], options: { confirm?: boolean; answers?: string[] } = {}) {
  const t = testIo(options);
  const code = await runOrganizer(args, t.io);
  return { code, ...t };
}
