import { escapeHtml } from './escape-html.ts';

const f1 = (x: number) => (Math.round(x * 10) / 10).toString();

/**
 * One histogram of per-event MB/s as inline SVG: `bins` equal-width bins from 0 to the largest
 * value, bar height = number of events, a title on each bar for the exact range and count.
 */
export function svgHistogram(title: string, values: readonly number[], colour: string, o: { width: number; height: number; bins: number }): string {
  const { width, height } = o;
  const pad = { l: 34, r: 8, t: 22, b: 28 };
  const w = width - pad.l - pad.r;
  const h = height - pad.t - pad.b;
  const head = `<text x="${pad.l}" y="14" class="chart-title">${escapeHtml(title)} (${values.length})</text>`;
  if (values.length === 0) return `<svg class="chart histogram" width="${width}" height="${height}" role="img">${head}<text x="${pad.l}" y="${pad.t + h / 2}" class="muted">none measured</text></svg>`;
  const max = Math.max(...values) || 1;
  const size = max / o.bins;
  const counts = new Array<number>(o.bins).fill(0);
  for (const v of values) counts[Math.min(o.bins - 1, Math.floor(v / size))]!++;
  const top = Math.max(...counts);
  const bw = w / o.bins;
  const bars = counts
    .map((c, i) => {
      if (c === 0) return '';
      const bh = (c / top) * h;
      return `<rect class="hist-bar" x="${(pad.l + i * bw + 1).toFixed(1)}" y="${(pad.t + h - bh).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${colour}"><title>${f1(i * size)}–${f1((i + 1) * size)} MB/s: ${c}</title></rect>`;
    })
    .join('');
  const axis = `<line x1="${pad.l}" y1="${pad.t + h}" x2="${pad.l + w}" y2="${pad.t + h}" class="axis"/>` +
    `<text x="${pad.l}" y="${pad.t + h + 16}" class="tick">0</text>` +
    `<text x="${pad.l + w}" y="${pad.t + h + 16}" class="tick" text-anchor="end">${f1(max)} MB/s</text>` +
    `<text x="${pad.l - 6}" y="${pad.t + 4}" class="tick" text-anchor="end">${top}</text>`;
  return `<svg class="chart histogram" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)} histogram">${head}${bars}${axis}</svg>`;
}
