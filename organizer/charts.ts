/** Pictures of the campaign: horizontal bars in the terminal, and a self-contained HTML report with SVG charts. */
import { escapeHtml } from '../functions/core/mail-safety';

export interface Bar {
  label: string;
  value: number;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Bars scaled to `width` cells with eighth-block precision, labels padded, values right-aligned. */
export function terminalBars(bars: readonly Bar[], width = 40): string[] {
  if (!bars.length) return ['(none yet)'];
  const max = Math.max(...bars.map((b) => b.value), 1);
  const labelWidth = Math.min(34, Math.max(...bars.map((b) => b.label.length)));
  const valueWidth = Math.max(...bars.map((b) => b.value.toLocaleString('en').length));
  return bars.map((b) => {
    const eighths = Math.round((b.value / max) * width * 8);
    const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
    const label = b.label.length > labelWidth ? b.label.slice(0, labelWidth - 1) + '…' : b.label.padEnd(labelWidth);
    return `${label}  ${b.value.toLocaleString('en').padStart(valueWidth)}  ${bar}`;
  });
}

/** A one-line sparkline of a series (per-day counts). */
export function sparkline(values: readonly number[]): string {
  const ticks = '▁▂▃▄▅▆▇█';
  const max = Math.max(...values, 1);
  return values.map((v) => (v === 0 ? ' ' : ticks[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}

/** An SVG horizontal bar chart (accessible: a title, and each bar's value as text). */
export function svgBars(title: string, bars: readonly Bar[], colour = '#0b5394'): string {
  const rowH = 22;
  const labelW = 220;
  const chartW = 460;
  const height = Math.max(1, bars.length) * rowH + 10;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const rows = bars
    .map((b, i) => {
      const w = Math.max(1, Math.round((b.value / max) * chartW));
      const y = i * rowH + 5;
      return `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${colour}"/><text x="${labelW + w + 6}" y="${y + 15}">${b.value.toLocaleString('en')}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelW + chartW + 80} ${height}" width="100%" font-family="system-ui,sans-serif" font-size="13"><title>${escapeHtml(title)}</title>${rows}</svg>`;
}

/** An SVG column chart of a daily series. */
export function svgColumns(title: string, points: readonly { label: string; value: number }[], colour = '#38761d'): string {
  const w = 720;
  const h = 200;
  const n = Math.max(points.length, 1);
  const max = Math.max(...points.map((p) => p.value), 1);
  const colW = w / n;
  const cols = points
    .map((p, i) => {
      const ch = Math.round((p.value / max) * (h - 30));
      return `<rect x="${(i * colW + 1).toFixed(1)}" y="${h - 20 - ch}" width="${Math.max(1, colW - 2).toFixed(1)}" height="${ch}" fill="${colour}"><title>${escapeHtml(p.label)}: ${p.value}</title></rect>`;
    })
    .join('');
  const first = points[0]?.label ?? '';
  const last = points.at(-1)?.label ?? '';
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${w} ${h}" width="100%" font-family="system-ui,sans-serif" font-size="12"><title>${escapeHtml(title)}</title>${cols}<text x="0" y="${h - 4}">${escapeHtml(first)}</text><text x="${w}" y="${h - 4}" text-anchor="end">${escapeHtml(last)}</text></svg>`;
}
