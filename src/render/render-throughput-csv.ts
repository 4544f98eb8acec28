import type { ThroughputSummary } from '../report/create-throughput.ts';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised for spreadsheets. */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `throughput --csv`: one row per metric and group (the overall rows have empty group columns). */
export function renderThroughputCsv(s: ThroughputSummary): string {
  const head = ['metric', ...s.by, 'count', 'total_mb', 'total_seconds', 'mbps', 'mean_mbps', 'min_mbps', 'p50_mbps', 'p90_mbps', 'p99_mbps', 'max_mbps'];
  const rows = [...s.overall, ...s.groups].map((r) => {
    const e = r.perEvent;
    return [r.metric, ...s.by.map((d) => r.group[d] ?? null), r.count, r.totalMB, r.totalSeconds, r.mbps, e.mean, e.min, e.p50, e.p90, e.p99, e.max];
  });
  return [head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
