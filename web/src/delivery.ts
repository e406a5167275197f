/**
 * The delivery page: the campaign's status and, per mission, how many of its letters were sent and
 * delivered (a progress bar of sent over queued), bounced, failed or set aside to be handed in on paper.
 * Read from the public ledger; refreshed every 30 s while the letters are going out and the page is seen.
 */
import type { MissionLedger } from '../../functions/core/dispatch';
import { callApi, fill } from './ui';
import { data, el, lang, loadMissions, partText } from './part';

const t = partText();
const { dispatchDate } = data<{ dispatchDate: string }>('part-text');
const statusLine = document.getElementById('delivery-status')!;
const totalsLine = document.getElementById('delivery-totals')!;
const list = document.getElementById('delivery') as HTMLUListElement;
const updated = document.getElementById('delivery-updated')!;
const num = new Intl.NumberFormat(lang);
const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });

/** One mission of GET /api/delivery: the ledger's own shape (a type only, nothing of core is bundled). */
type MissionDelivery = MissionLedger & { id: string };

const n = (x: number) => num.format(x);
let names: Map<string, string> | undefined;
let timer: number | undefined;

async function refresh() {
  const [campaign, delivery] = await Promise.all([callApi('/api/campaign'), callApi('/api/delivery')]);
  names ??= new Map(((await loadMissions()) ?? []).map((m) => [m.id, m.name]));
  list.removeAttribute('aria-busy');
  const status = (campaign.body as { status?: string }).status;
  const missions = (delivery.body as { missions?: MissionDelivery[] }).missions;
  if (campaign.status !== 200 || delivery.status !== 200 || !Array.isArray(missions)) {
    statusLine.textContent = t.unavailable;
    return;
  }
  if (status === 'open' || status === 'closed') {
    const stats = await callApi('/api/stats');
    const waiting = (stats.body as { confirmed?: number }).confirmed ?? 0;
    statusLine.textContent = fill(t.deliveryBefore, { date: dispatchDate, n: n(waiting) });
  } else statusLine.textContent = status === 'dispatched' ? t.deliveryDone : t.deliverySending;

  const sum = missions.reduce((a, m) => ({ queued: a.queued + m.queued, sent: a.sent + m.sent, delivered: a.delivered + m.delivered }), { queued: 0, sent: 0, delivered: 0 });
  totalsLine.textContent = sum.queued > 0 ? fill(t.deliveryTotals, { sent: n(sum.sent), queued: n(sum.queued), delivered: n(sum.delivered) }) : '';
  const shown = missions.filter((m) => m.queued + m.no_address > 0).sort((a, b) => b.queued + b.no_address - (a.queued + a.no_address) || a.id.localeCompare(b.id));
  list.replaceChildren(
    ...shown.map((m) => {
      const name = names?.get(m.id) ?? m.id;
      const heading = `d-${m.id}`;
      const bar = el('progress', { max: Math.max(m.queued, 1), value: Math.min(m.sent, m.queued) });
      bar.setAttribute('aria-labelledby', heading);
      const notes = [m.bounced + m.complained > 0 ? fill(t.deliveryBounced, { n: n(m.bounced + m.complained) }) : '', m.failed > 0 ? fill(t.deliveryFailed, { n: n(m.failed) }) : '', m.no_address > 0 ? fill(t.deliveryInPerson, { n: n(m.no_address) }) : ''].filter(Boolean);
      const li = el('li', { className: 'card' }, el('h2', { id: heading }, name), ...(m.queued > 0 ? [bar, el('p', { className: 'meta' }, fill(t.deliveryRow, { sent: n(m.sent), queued: n(m.queued), delivered: n(m.delivered) }))] : []), ...(notes.length ? [el('p', { className: 'meta' }, notes.join(' · '))] : []));
      li.setAttribute('aria-labelledby', heading);
      return li;
    }),
  );
  updated.textContent = fill(t.deliveryUpdated, { time: time.format(new Date()) });
  window.clearTimeout(timer);
  if (status === 'dispatching') timer = window.setTimeout(() => void (document.hidden ? undefined : refresh()), 30_000);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && timer !== undefined) void refresh();
});
void refresh();
