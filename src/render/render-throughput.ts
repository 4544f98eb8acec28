import type { ThroughputRow, ThroughputSummary } from '../report/create-throughput.ts';
import type { Palette } from './palette.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

const num = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));

/** Right-aligned columns; the first `left` columns are left-aligned. */
export function table(rows: readonly (readonly string[])[], left: number): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => (i < left ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}

const HEAD = ['count', 'total MB', 'total s', 'MB/s', 'mean', 'min', 'p50', 'p90', 'p99', 'max'];

function cells(r: ThroughputRow): string[] {
  const e = r.perEvent;
  return [String(r.count), num(r.totalMB), num(r.totalSeconds), num(r.mbps), num(e.mean), num(e.min), num(e.p50), num(e.p90), num(e.p99), num(e.max)];
}

/**
 * The throughput tables: overall, then one row per group. MB/s is size-weighted (total MB / total
 * seconds); mean … max describe the MB/s of single events, percentiles within the stated accuracy.
 */
export function renderThroughput(s: ThroughputSummary, p: Palette): string {
  if (s.overall.length === 0) return `${p.bold('Throughput')}\n  no measured download, conversion, volume copy or glance store write in the input\n`;
  const out = [p.bold('Throughput'), ...table([['', ...HEAD], ...s.overall.map((r) => [r.metric, ...cells(r)])], 1).map((l) => `  ${l}`)];
  if (s.by.length > 0) {
    out.push('', p.bold(`By ${s.by.join(', ')}`));
    const rows = s.groups.map((r) => [r.metric, ...s.by.map((d) => safe(r.group[d] ?? '?')), ...cells(r)]);
    out.push(...table([['', ...s.by, ...HEAD], ...rows], 1 + s.by.length).map((l) => `  ${l}`));
  }
  out.push(p.dim(`  MB/s = total MB / total seconds; mean … max: MB/s of single events; p50/p90/p99 within ${s.relativeAccuracy * 100} % (DDSketch)`));
  return `${out.join('\n')}\n`;
}
