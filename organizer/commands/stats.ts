/** `stats`: signatures pending / confirmed / removed, per mission, per country and per day; in the terminal or as an HTML report. */
import { writeFileSync } from 'node:fs';
import { countryName } from '../../functions/core/countries';
import { escapeHtml } from '../../functions/core/mail-safety';
import { scanSignatures } from '../../functions/adapters/table-scan';
import { sparkline, svgBars, svgColumns, terminalBars } from '../charts';
import type { OrganizerContext } from '../context';

export interface CampaignStats {
  campaignId: string;
  generatedAt: string;
  pending: number;
  /** Pending signatures whose confirmation link has expired. */
  expired: number;
  confirmed: number;
  removed: number;
  byMission: Record<string, number>;
  byCountry: Record<string, number>;
  /** Per UTC day: signatures made and confirmations. */
  byDay: { day: string; signed: number; confirmed: number }[];
}

/** Counts everything by reading each signature once (exact), plus the withdrawals the counters keep. */
export async function collectStats(ctx: OrganizerContext): Promise<CampaignStats> {
  const now = new Date().toISOString();
  const snapshot = await ctx.counters.read(ctx.campaign.id);
  const progress = ctx.io.progress('Reading signatures', snapshot.confirmed);
  const stats: CampaignStats = { campaignId: ctx.campaign.id, generatedAt: now, pending: 0, expired: 0, confirmed: 0, removed: snapshot.removed ?? 0, byMission: {}, byCountry: {}, byDay: [] };
  const days = new Map<string, { signed: number; confirmed: number }>();
  const day = (iso: string) => {
    const d = iso.slice(0, 10);
    let v = days.get(d);
    if (!v) days.set(d, (v = { signed: 0, confirmed: 0 }));
    return v;
  };
  for await (const page of scanSignatures(ctx.target.tableName, ctx.campaign.id)) {
    for (const s of page) {
      day(s.createdAt).signed++;
      if (s.status === 'confirmed') {
        stats.confirmed++;
        stats.byMission[s.missionId] = (stats.byMission[s.missionId] ?? 0) + 1;
        stats.byCountry[s.country] = (stats.byCountry[s.country] ?? 0) + 1;
        if (s.confirmedAt) day(s.confirmedAt).confirmed++;
      } else if (s.status === 'pending') {
        stats.pending++;
        if (s.confirmExpiresAt && s.confirmExpiresAt < now) stats.expired++;
      }
    }
    progress.setTotal(Math.max(snapshot.confirmed, stats.confirmed + stats.pending));
    progress.increment(page.length);
  }
  progress.stop();
  // Every day from the first signature to today, so quiet days show as gaps.
  const sorted = [...days.keys()].sort();
  if (sorted.length) {
    for (let d = new Date(`${sorted[0]}T00:00:00Z`); d.toISOString().slice(0, 10) <= now.slice(0, 10); d = new Date(d.getTime() + 86_400_000)) {
      const key = d.toISOString().slice(0, 10);
      stats.byDay.push({ day: key, ...(days.get(key) ?? { signed: 0, confirmed: 0 }) });
    }
  }
  return stats;
}

const top = (map: Record<string, number>, n: number) =>
  Object.entries(map)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n);

export async function statsCommand(ctx: OrganizerContext, opts: { html?: string; json?: boolean; top: number }) {
  const stats = await collectStats(ctx);
  const missions = new Map((await ctx.missions.list()).map((m) => [m.id, m]));
  const missionLabel = (id: string) => (missions.get(id) ? `${missions.get(id)!.name}` : id);
  if (opts.json) {
    ctx.io.out(JSON.stringify(stats, null, 2));
  } else {
    const { io } = ctx;
    io.out(`Campaign ${stats.campaignId}: ${stats.confirmed.toLocaleString('en')} confirmed, ${stats.pending.toLocaleString('en')} pending (${stats.expired.toLocaleString('en')} with an expired link), ${stats.removed.toLocaleString('en')} removed`);
    const confirmedCounter = (await ctx.counters.read(ctx.campaign.id)).confirmed;
    if (confirmedCounter !== stats.confirmed) io.out(`Note: the public counter shows ${confirmedCounter}; confirmations made while this ran explain a small difference.`);
    io.out('');
    io.out(`Signers by their country (top ${opts.top} of ${Object.keys(stats.byCountry).length})`);
    for (const l of terminalBars(top(stats.byCountry, opts.top).map(([c, v]) => ({ label: `${countryName(c, 'en')} (${c})`, value: v })))) io.out('  ' + l);
    io.out('');
    io.out(`Letters by mission (top ${opts.top} of ${Object.keys(stats.byMission).length})`);
    for (const l of terminalBars(top(stats.byMission, opts.top).map(([id, v]) => ({ label: missionLabel(id), value: v })))) io.out('  ' + l);
    if (stats.byDay.length) {
      io.out('');
      io.out(`Signatures per day, ${stats.byDay[0]!.day} to ${stats.byDay.at(-1)!.day} (peak ${Math.max(...stats.byDay.map((d) => d.signed))})`);
      io.out('  ' + sparkline(stats.byDay.map((d) => d.signed)));
    }
  }
  if (opts.html) {
    writeFileSync(opts.html, statsHtml(stats, missionLabel, ctx.campaign.title[ctx.campaign.defaultLanguage] ?? ctx.campaign.id));
    ctx.io.err(`Wrote ${opts.html}: open it in a browser.`);
  }
  return stats;
}

/** A self-contained HTML report (no scripts, no external files). */
export function statsHtml(stats: CampaignStats, missionLabel: (id: string) => string, title: string): string {
  const countries = top(stats.byCountry, 40).map(([c, v]) => ({ label: `${countryName(c, 'en')} (${c})`, value: v }));
  const missions = top(stats.byMission, 40).map(([id, v]) => ({ label: missionLabel(id), value: v }));
  const n = (x: number) => x.toLocaleString('en');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}: statistics</title>
<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.4rem}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>Campaign <code>${escapeHtml(stats.campaignId)}</code>, report of ${escapeHtml(stats.generatedAt)}.</p>
<table><tr><th>Signatures</th><th>count</th></tr><tr><td>Confirmed (will be sent)</td><td>${n(stats.confirmed)}</td></tr><tr><td>Pending confirmation</td><td>${n(stats.pending)}</td></tr><tr><td>of which the link expired</td><td>${n(stats.expired)}</td></tr><tr><td>Removed by the signer</td><td>${n(stats.removed)}</td></tr></table>
<h2>Signatures per day</h2>${svgColumns('Signatures per day', stats.byDay.map((d) => ({ label: d.day, value: d.signed })))}
<h2>Signers by their country</h2>${svgBars('Confirmed signers by country', countries)}
<h2>Letters by mission</h2>${svgBars('Confirmed letters by mission', missions, '#7f6000')}
</body></html>`;
}
