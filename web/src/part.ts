/** Shared by the participation pages: their words, the missions list, field errors tied to inputs. */
import './part.css';
import type { PartClientText } from './participate-i18n';
import { announce, callApi } from './ui';

export type { PublicMission } from '../../functions/core/mission';
import type { PublicMission } from '../../functions/core/mission';

export const lang = document.documentElement.lang || 'en';

export function partText(): PartClientText {
  return JSON.parse(document.getElementById('part-text')?.textContent || '{}') as PartClientText;
}

export function data<T>(id: string): T {
  return JSON.parse(document.getElementById(id)?.textContent || 'null') as T;
}

export const countryNames = new Intl.DisplayNames([lang, 'en'], { type: 'region' });

export async function loadMissions(): Promise<PublicMission[] | undefined> {
  const res = await callApi('/api/missions');
  const list = (res.body as { missions?: PublicMission[] }).missions;
  return res.status === 200 && Array.isArray(list) ? list : undefined;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.text = text;
  return o;
}

/** The two selects (host country, then mission), filled from the API; embassy first as the API sorts. */
export async function missionChoice(t: PartClientText): Promise<PublicMission[]> {
  const countrySelect = document.getElementById('missionCountry') as HTMLSelectElement;
  const missionSelect = document.getElementById('missionId') as HTMLSelectElement;
  const chooseCountry = document.getElementById('choose-country')?.textContent ?? '';
  const chooseMission = missionSelect.options[0]?.text ?? '';
  const missions = await loadMissions();
  if (!missions) {
    countrySelect.replaceChildren(option('', t.unavailable));
    return [];
  }
  const collator = new Intl.Collator(lang);
  const codes = [...new Set(missions.map((m) => m.countryCode))].map((code) => ({ code, name: countryNames.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  countrySelect.replaceChildren(option('', chooseCountry), ...codes.map((c) => option(c.code, c.name)));
  countrySelect.disabled = false;
  const show = (code: string) => {
    const here = missions.filter((m) => m.countryCode === code);
    missionSelect.replaceChildren(option('', chooseMission), ...here.map((m) => option(m.id, m.city && !m.name.includes(m.city) ? `${m.name} (${m.city})` : m.name)));
    missionSelect.disabled = here.length === 0;
    if (here.length) missionSelect.value = here[0]!.id;
  };
  countrySelect.addEventListener('change', () => show(countrySelect.value));
  const wanted = new URLSearchParams(location.search).get('mission');
  const preset = missions.find((m) => m.id === wanted);
  if (preset) {
    countrySelect.value = preset.countryCode;
    show(preset.countryCode);
    missionSelect.value = preset.id;
  }
  return missions;
}

/** Shows an error under its field (and marks the input), or in the status region. */
export function fieldErrors(fields: readonly string[], status: HTMLElement, summary: string) {
  const set = (field: string, message?: string) => {
    const error = document.getElementById(`${field}-error`);
    const input = document.getElementById(field);
    if (error) {
      error.textContent = message ?? '';
      error.hidden = !message;
    }
    if (input && !(input instanceof HTMLFieldSetElement)) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
  return {
    clear() {
      for (const f of fields) set(f);
      status.hidden = true;
    },
    show(field: string | undefined, serverMessage: string, localised?: Record<string, string>) {
      const message = (field && localised?.[field]) || serverMessage;
      if (!field || !fields.includes(field)) return announce(status, message, 'error');
      set(field, message);
      announce(status, `${summary} ${message}`, 'error');
      const target = document.getElementById(field) ?? document.querySelector<HTMLElement>(`[name=${field}]`);
      target?.focus();
    },
  };
}

/** A message for a failed API call that names no field. */
export function failure(t: PartClientText, status: number, message?: string): string {
  if (status === 0) return t.network;
  if (status === 429) return t.rateLimited;
  if (status >= 500) return t.serverUnavailable;
  return message ?? t.serverUnavailable;
}
