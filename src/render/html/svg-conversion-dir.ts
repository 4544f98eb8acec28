import type { HostConversionDir } from '../../report/create-conversion-dir-peaks.ts';
import { formatBytes } from '../format-bytes.ts';
import { escapeHtml as e } from './escape-html.ts';
import { stepPath } from './step-path.ts';

/**
 * One host's bytes in image_conversion_dir over the span as inline SVG: a step line, the peak marked
 * and labelled, each create that failed for lack of space marked where it failed. `label(t)` formats a
 * time for the axis; every text from the log is escaped.
 */
export function svgConversionDir(h: HostConversionDir, span: { start: number; end: number }, label: (t: number) => string, o: { width: number; height: number }): string {
  const pad = { l: 74, r: 12, t: 26, b: 24 };
  const w = o.width - pad.l - pad.r;
  const ht = o.height - pad.t - pad.b;
  const len = Math.max(1, span.end - span.start);
  const x = (t: number) => pad.l + ((Math.min(span.end, Math.max(span.start, t)) - span.start) / len) * w;
  const y = (b: number) => pad.t + ht - (b / Math.max(1, h.peakBytes)) * ht;
  const d = stepPath(h.points.map((p) => ({ t: p.t, v: p.bytes })), span, x, y);
  const right = x(h.at) > pad.l + w * 0.6;
  const n = h.volumes.length;
  const peak = `<circle class="peak" cx="${x(h.at).toFixed(1)}" cy="${y(h.peakBytes).toFixed(1)}" r="4"/>` +
    `<text class="peak-label" x="${(x(h.at) + (right ? -8 : 8)).toFixed(1)}" y="${(y(h.peakBytes) - 8).toFixed(1)}" text-anchor="${right ? 'end' : 'start'}">peak ${formatBytes(h.peakBytes)} at ${e(label(h.at))}, ${n} volume${n === 1 ? '' : 's'}</text>`;
  const failures = h.noSpace
    .map((f) => `<line class="axis" x1="${x(f.at).toFixed(1)}" y1="${pad.t}" x2="${x(f.at).toFixed(1)}" y2="${pad.t + ht}"><title>no space: ${e(f.volumeId ?? 'volume id not logged')} at ${e(label(f.at))}: ${e(f.message)}</title></line>`)
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<text class="tick" x="${(pad.l + f * w).toFixed(1)}" y="${pad.t + ht + 16}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${e(label(span.start + f * len))}</text>`)
    .join('');
  const yAxis = `<text class="tick" x="${pad.l - 6}" y="${pad.t + 4}" text-anchor="end">${formatBytes(h.peakBytes)}</text><text class="tick" x="${pad.l - 6}" y="${pad.t + ht}" text-anchor="end">0</text>`;
  const title = `<text class="chart-title" x="${pad.l}" y="14">${e(h.host ?? '(no host)')}${h.backends.length > 0 ? ` (${h.backends.map(e).join(', ')})` : ''}</text>`;
  return `<svg class="chart conversion-dir" data-host="${e(h.host ?? '')}" data-peak-bytes="${h.peakBytes}" width="${o.width}" height="${o.height}" role="img" aria-label="bytes in image_conversion_dir on ${e(h.host ?? 'this host')} over time">` +
    `${title}<line class="axis" x1="${pad.l}" y1="${pad.t + ht}" x2="${pad.l + w}" y2="${pad.t + ht}"/><path class="curve" d="${d}"/>${failures}${peak}${ticks}${yAxis}</svg>`;
}
