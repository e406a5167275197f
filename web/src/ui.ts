/** Small helpers shared by the pages' scripts: the words of the page and calls to the API. */
import './style.css';

import type { ClientText as Words } from './i18n';

/** The words the scripts show (type only: the strings themselves come from the page). */
export type ClientText = Words & { lang: string };

/** The page's words, from the JSON block the build put in the HTML (data, never executed). */
export function uiText(): ClientText {
  return JSON.parse(document.getElementById('ui-text')!.textContent || '{}') as ClientText;
}

export const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);

export interface ApiAnswer {
  status: number;
  body: { error?: { code?: string; field?: string; message?: string } } & Record<string, unknown>;
}

/** A JSON call to the API on the same origin; status 0 when the network failed. */
export async function callApi(path: string, body?: unknown): Promise<ApiAnswer> {
  try {
    const res = await fetch(path, body === undefined ? { headers: { accept: 'application/json' } } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let parsed: ApiAnswer['body'] = {};
    try {
      parsed = (await res.json()) as ApiAnswer['body'];
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: {} };
  }
}

/** Shows a message in a status region and moves focus there, so screen readers announce it. */
export function announce(el: HTMLElement, text: string, kind: 'ok' | 'error' | 'info' = 'info') {
  el.textContent = text;
  el.className = `status ${kind}`;
  el.hidden = false;
  el.focus();
}
