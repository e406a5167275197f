/**
 * The local-only services `npm start` runs inside the stack, beside the handlers: the in-process
 * scheduler and queue stand-ins register here (each a LocalService, see local/stack.ts).
 */
import type { LocalService } from './stack';

/** Services for `npm start`; tests pass their own list to startStack({ services }). */
export function localServices(): LocalService[] {
  return [];
}
