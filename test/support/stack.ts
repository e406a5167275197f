/** The local stack for integration and browser tests (tests import it from here, one place). */
import { startStack, type RunningStack, type StackOptions } from '../../local/stack';

export { freePort, startStack, type RunningStack, type StackOptions, type LocalService, type StackContext } from '../../local/stack';

/**
 * Starts one in-process stack for the enclosing describe (beforeAll) and stops it afterwards
 * (afterAll). Read `.current` inside tests.
 */
export function withStack(options: StackOptions = {}): { readonly current: RunningStack } {
  let stack: RunningStack | undefined;
  beforeAll(async () => {
    stack = await startStack({ inProcess: true, quiet: true, ...options });
  });
  afterAll(async () => {
    await stack?.stop();
    stack = undefined;
  });
  return {
    get current(): RunningStack {
      if (!stack) throw new Error('The stack is not running: use withStack() at describe level and read .current inside a test.');
      return stack;
    },
  };
}

/** A JSON API call against the stack: status, headers and parsed body. */
export async function api(stack: RunningStack, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${stack.url}${path}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the raw text is returned.
  }
  return { status: res.status, headers: res.headers, body: body as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
