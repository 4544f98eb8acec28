import type { Concurrency } from '../../report/concurrency.ts';
import { stepPath } from './step-path.ts';

/**
 * The concurrency curve as inline SVG: a step line of provisionings in flight over the span, the
 * peak marked. `label(t)` formats a time for the axis.
 */
export function svgConcurrency(c: Concurrency, span: { start: number; end: number }, label: (t: number) => string, o: { width: number; height: number }): string {
  const pad = { l: 34, r: 12, t: 26, b: 24 };
  const w = o.width - pad.l - pad.r;
  const h = o.height - pad.t - pad.b;
  const len = Math.max(1, span.end - span.start);
  const x = (t: number) => pad.l + ((t - span.start) / len) * w;
  const y = (n: number) => pad.t + h - (n / Math.max(1, c.peak)) * h;
  const d = stepPath(c.curve.map((p) => ({ t: p.t, v: p.n })), span, x, y);
  const peak = c.peakAt === null ? '' :
    `<circle class="peak" cx="${x(c.peakAt).toFixed(1)}" cy="${y(c.peak).toFixed(1)}" r="4"/>` +
    `<text class="peak-label" x="${Math.min(pad.l + w - 4, x(c.peakAt) + 8).toFixed(1)}" y="${(y(c.peak) - 8).toFixed(1)}" text-anchor="${x(c.peakAt) > pad.l + w * 0.75 ? 'end' : 'start'}">peak ${c.peak} at ${label(c.peakAt)}</text>`;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<text class="tick" x="${(pad.l + f * w).toFixed(1)}" y="${pad.t + h + 16}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${label(span.start + f * len)}</text>`)
    .join('');
  const yAxis = `<text class="tick" x="${pad.l - 6}" y="${pad.t + 4}" text-anchor="end">${c.peak}</text><text class="tick" x="${pad.l - 6}" y="${pad.t + h}" text-anchor="end">0</text>`;
  return `<svg id="concurrency" class="chart" width="${o.width}" height="${o.height}" role="img" aria-label="provisionings in flight over time">` +
    `<line class="axis" x1="${pad.l}" y1="${pad.t + h}" x2="${pad.l + w}" y2="${pad.t + h}"/><path class="curve" d="${d}"/>${peak}${ticks}${yAxis}</svg>`;
}
