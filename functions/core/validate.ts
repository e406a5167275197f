/**
 * The first problem of a request body against a valibot schema, in the order a person meets the
 * fields, as { field, message }; or the parsed value. Shared by the API and the pages' forms (no
 * Node or AWS imports). Unknown fields are ignored.
 */
import * as v from 'valibot';

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export function validateBody<S extends v.GenericSchema>(schema: S, body: unknown, order: readonly string[]): Checked<v.InferOutput<S>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, field: 'body', message: 'The request body must be a JSON object.' };
  const result = v.safeParse(schema, body, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output };
  const byField = new Map<string, string>();
  for (const issue of result.issues) {
    const field = String(issue.path?.[0]?.key ?? 'body');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const first = order.find((f) => byField.has(f)) ?? [...byField.keys()][0]!;
  return { ok: false, field: first, message: byField.get(first)! };
}
