import type { ReportData, ReportVolume } from '../report/build-report.ts';
import type { Concurrency } from '../report/concurrency.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { conversionDirLines } from './conversion-dir-lines.ts';
import { formatDuration } from './format-duration.ts';
import { formatBytes } from './format-bytes.ts';
import type { HumanOptions } from './render-timeline.ts';
import { renderImageCache } from './render-image-cache.ts';
import { renderReportImages } from './render-report-images.ts';
import { renderThroughput, table } from './render-throughput.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

const list = (o: Record<string, number>) =>
  Object.entries(o)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ') || 'none';

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** The concurrency curve as one line of block characters: the most in flight in each of `width` columns. */
function sparkline(c: Concurrency, start: number, end: number, width: number): string {
  if (c.peak === 0 || end <= start) return '';
  const step = (end - start) / width;
  const cols: number[] = new Array<number>(width).fill(0);
  for (let k = 0; k < c.curve.length; k++) {
    const p = c.curve[k] as { t: number; n: number };
    const until = c.curve[k + 1]?.t ?? p.t;
    const from = Math.min(width - 1, Math.max(0, Math.floor((p.t - start) / step)));
    const to = Math.min(width - 1, Math.max(from, Math.floor((until - start) / step)));
    for (let i = from; i <= to; i++) cols[i] = Math.max(cols[i] ?? 0, p.n);
  }
  return cols.map((n) => BLOCKS[n === 0 ? 0 : Math.max(1, Math.round((n / c.peak) * 8))] ?? ' ').join('');
}

/** The post-mortem on a terminal. Every log-derived string goes through terminalSafe. */
export function renderReport(r: ReportData, o: HumanOptions & { width?: number }): string {
  const p = o.palette;
  const at = (t: number | null) => (t === null ? '?' : formatTimestamp(t, o.zone, { style: 'date-time' }));
  const clock = (t: number | null) => (t === null ? '?' : formatTimestamp(t, o.zone, { style: 'time' }));
  const zone = o.zone === 'local' ? 'local time' : o.zone;
  const v = r.volumes;
  const out: string[] = [];
  out.push(p.bold('Report'));
  out.push(`  span         ${r.span.start === null ? 'no timestamps' : `${at(r.span.start)} → ${at(r.span.end)} (${zone})`}`);
  out.push(`  volumes      ${v.total} on ${v.hosts.length} host${v.hosts.length === 1 ? '' : 's'}${v.hosts.length ? ` (${v.hosts.slice(0, 6).map(safe).join(', ')}${v.hosts.length > 6 ? ', …' : ''})` : ''}: ${list(v.byStatus)}`);
  out.push(`  outcomes     clone ${v.byProvisioning['clone'] ?? 0}${Object.keys(v.byCloneMethod).length ? ` (${list(v.byCloneMethod)})` : ''} · copy ${v.byProvisioning['copy'] ?? 0} (${v.withConversion} with conversion)`);

  out.push('', p.bold(`Slowest ${r.slowest.length}`));
  if (r.slowest.length === 0) out.push('  none (no provisioning with a start and an end)');
  r.slowest.forEach((s, i) => out.push(...slow(s, i + 1)));

  const ts = r.time;
  out.push('', p.bold('Time in copies and clones'));
  out.push(`  copies       ${ts.copies.count}, ${formatDuration(ts.copies.totalMs)} in all, median ${formatDuration(ts.copies.medianMs)}`);
  out.push(`  clones       ${ts.clones.count}, ${formatDuration(ts.clones.totalMs)} in all, median ${formatDuration(ts.clones.medianMs)}`);
  out.push(`  clones would have saved ${formatDuration(ts.savedMs)} over ${ts.comparedCopies} cop${ts.comparedCopies === 1 ? 'y' : 'ies'} (yardstick: the median clone on the same backend)${ts.uncomparedCopies ? `; ${ts.uncomparedCopies} on backends without a clone to compare` : ''}`);
  for (const b of ts.byBackend) {
    if (b.copies === 0) continue;
    const yard = b.cloneMedianMs === null ? p.dim(b.backend === '?' ? 'backend not logged: no yardstick' : 'no clone on this backend: no yardstick') : `median clone ${formatDuration(b.cloneMedianMs)} → saved ${formatDuration(b.savedMs)}`;
    out.push(`    ${safe(b.backend).padEnd(14)} ${b.copies} cop${b.copies === 1 ? 'y' : 'ies'}, ${formatDuration(b.copyMs)}; ${yard}`);
  }

  const c = r.concurrency;
  out.push('', p.bold('Concurrency'));
  if (c.peak === 0) out.push('  no provisioning with a start and an end');
  else {
    out.push(`  peak         ${c.peak} in flight at ${at(c.peakAt)}${c.peakUntil !== null && c.peakUntil > (c.peakAt ?? 0) ? ` (for ${formatDuration(c.peakUntil - (c.peakAt ?? 0))})` : ''}`);
    if (r.span.start !== null && r.span.end !== null && r.span.end > r.span.start) {
      const width = Math.max(20, Math.min(100, (o.width ?? 80) - 34));
      out.push(`  ${clock(r.span.start)} ${sparkline(c, r.span.start, r.span.end, width)} ${clock(r.span.end)}   ${p.dim(`(${formatDuration((r.span.end - r.span.start) / width)} a column, full height ${c.peak})`)}`);
    }
  }

  out.push('', renderThroughput(r.throughput, p).trimEnd());

  out.push('', p.bold('Conversion directory'));
  const dirs = conversionDirLines(r.conversionDir.hosts, o.zone);
  if (dirs.length === 0) out.push('  nothing held in image_conversion_dir (no download, or not logged)');
  for (const { host: h, line } of dirs) {
    out.push(`  ${line}`);
    for (const v of h.volumes) out.push(`    ${safe(v.volumeId ?? '(volume id not logged)')}  ${formatBytes(v.bytes).padStart(11)}  ${p.dim(v.files.join(' + '))}`);
    for (const n of h.noSpace) out.push(`    ${p.red('no space:')} ${safe(n.volumeId ?? '(volume id not logged)')} at ${clock(n.at)}: ${safe(n.message)}`);
  }
  if (r.imageCache.length > 0) out.push('', renderImageCache(r.imageCache, p).trimEnd());
  out.push('', ...renderReportImages(r.images, p));

  out.push('', p.bold('Advice'));
  if (r.advice.length === 0) out.push('  none');
  for (const a of r.advice) {
    out.push(`  - ${safe(a.message)} ${p.dim(`[${safe(a.code)}, ${a.volumes} volume${a.volumes === 1 ? '' : 's'}]`)}`);
    if (a.command !== null) out.push(`      $ ${safe(a.command)}`);
  }
  return `${out.join('\n')}\n`;

  function slow(s: ReportVolume, n: number): string[] {
    const tag = s.status === 'failed' ? p.red('FAILED') : s.status === 'incomplete' ? p.yellow('INCOMPLETE') : s.provisioning === 'clone' ? p.green('CLONE') : s.provisioning === 'copy' ? p.yellow('COPY') : p.cyan('CREATED');
    const where = [s.host && `host ${safe(s.host)}`, s.backend && `backend ${safe(s.backend)}`, (s.imageName ?? s.imageId) && `image "${safe(s.imageName ?? s.imageId ?? '')}"`].filter(Boolean).join(' · ');
    const lines = [`  ${String(n).padStart(2)}. ${formatDuration(s.durationMs).padStart(10)}  ${tag} ${p.bold(safe(s.volumeId ?? '(volume id not logged)'))}  ${safe(s.outcome)}`, `      ${at(s.start)} → ${clock(s.end)}  ${p.dim(where)}`];
    const phases = s.phases.filter((ph) => ph.name !== 'temporary-image');
    if (phases.length > 0) {
      const rows = phases.map((ph) => [ph.name, clock(ph.start), formatDuration(ph.start === null || ph.end === null ? null : ph.end - ph.start), ph.sizeMB === null ? '' : `${ph.sizeMB.toFixed(2)} MB`, ph.mbps === null ? '' : `${ph.mbps.toFixed(2)} MB/s`]);
      lines.push(...table(rows, 2).map((l) => `      ${p.dim('│')} ${l}`));
    }
    for (const why of s.reasons) lines.push(`      why: ${safe(why.message)} ${p.dim(`[${safe(why.code)}]`)}`);
    if (s.error !== null) lines.push(`      ${p.red('error:')} ${safe(s.error)}`);
    return lines;
  }
}
