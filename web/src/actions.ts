/** The gallery of approved in-person actions with their photos (metadata removed on the server). */
import { callApi, fill } from './ui';
import { el, lang, loadMissions, partText } from './part';

const t = partText();
const list = document.getElementById('actions') as HTMLUListElement;
const shown = document.getElementById('shown')!;

interface PublicAction {
  id: string;
  organisation: string;
  missionId: string;
  startsAt: string;
  description: string;
  photos: { id: string; url: string; width?: number; height?: number }[];
}

async function main() {
  shown.textContent = t.loading;
  const [res, missions] = await Promise.all([callApi('/api/actions'), loadMissions()]);
  list.removeAttribute('aria-busy');
  const actions = (res.body as { actions?: PublicAction[] }).actions;
  if (res.status !== 200 || !Array.isArray(actions)) {
    shown.textContent = t.unavailable;
    return;
  }
  const only = new URLSearchParams(location.search).get('mission');
  const wanted = actions.filter((a) => !only || a.missionId === only);
  const names = new Map((missions ?? []).map((m) => [m.id, m.name]));
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
  shown.textContent = wanted.length ? '' : t.actionsNone;
  list.replaceChildren(
    ...wanted.map((a) => {
      const heading = `a-${a.id}`;
      const li = el('li', { className: 'card' }, el('h2', { id: heading }, a.organisation), el('p', { className: 'meta' }, fill(t.at, { mission: names.get(a.missionId) ?? a.missionId, date: date.format(new Date(a.startsAt)) })), el('p', { className: 'description' }, a.description));
      li.setAttribute('aria-labelledby', heading);
      if (a.photos.length) {
        li.append(
          el(
            'div',
            { className: 'photos' },
            ...a.photos.filter((p) => p.url.startsWith('/photos/')).map((p) => el('img', { src: p.url, alt: fill(t.photoAlt, { organisation: a.organisation }), loading: 'lazy', decoding: 'async', ...(p.width && p.height ? { width: p.width, height: p.height } : {}) })),
          ),
        );
      }
      return li;
    }),
  );
}

void main();
