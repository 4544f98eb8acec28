import type { Timeline } from '../reduce/timeline.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { describeOutcome } from './describe-outcome.ts';
import { formatDuration, spanMs } from './format-duration.ts';
import type { Palette } from './palette.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

export interface HumanOptions {
  readonly zone: string;
  readonly palette: Palette;
}

const when = (t: number | null, zone: string) => (t === null ? '?' : formatTimestamp(t, zone, { style: 'date-time-ms' }));
const clock = (t: number | null, zone: string) => (t === null ? '?' : formatTimestamp(t, zone, { style: 'time-ms' }));
const mb = (x: number | null) => (x === null ? '' : `${x.toFixed(2)} MB`);

/** A compact, human timeline of one volume. Every log-derived string goes through terminalSafe. */
export function renderTimeline(t: Timeline, o: HumanOptions): string {
  const p = o.palette;
  const tag = t.status === 'failed' ? p.red('FAILED') : t.status === 'incomplete' ? p.yellow('INCOMPLETE') : t.provisioning === 'clone' ? p.green('CLONE') : t.provisioning === 'copy' ? p.yellow('COPY') : p.cyan('CREATED');
  const where = [t.host && `host ${safe(t.host)}`, t.backend && `backend ${safe(t.backend)}`, `request ${safe(t.requestId)}`].filter(Boolean).join(' · ');
  const lines = [
    `${tag} ${p.bold(safe(t.volumeId ?? '(volume id not logged)'))}  ${safe(describeOutcome(t))}  ${formatDuration(spanMs(t.start, t.end))}`,
    `  ${when(t.start, o.zone)} → ${clock(t.end, o.zone)}  ${p.dim(where)}`,
  ];
  if (t.imageId !== null || t.source === 'image') {
    const img = [`image ${safe(t.imageId ?? '?')}`, t.imageName && `"${safe(t.imageName)}"`, t.diskFormat && safe(t.diskFormat), t.imageSizeMB !== null && `${t.imageSizeMB} MB`, t.volumeSizeGiB !== null && `→ ${t.volumeSizeGiB} GiB volume`];
    lines.push(`  ${img.filter(Boolean).join(' ')}`);
  }
  for (const ph of t.phases) {
    const cols = [ph.name.padEnd(16), clock(ph.start, o.zone), formatDuration(spanMs(ph.start, ph.end)).padStart(10), mb(ph.sizeMB).padStart(12), ph.mbps === null ? '' : `${ph.mbps.toFixed(2)} MB/s`.padStart(13)];
    lines.push(`  ${p.dim('│')} ${cols.join(' ').trimEnd()}`);
  }
  const g = t.glanceServe;
  if (g) {
    const from = g.cacheHit === true ? "glance-api's local image cache" : g.cacheHit === false ? 'the store (teed into the cache)' : null;
    lines.push(`  ${p.dim('│')} ${p.dim(`glance-api ${[g.host && safe(g.host), g.requestId && `request ${safe(g.requestId)}`, `${safe(g.method)} ${safe(g.path)} → ${g.status}`, from && `served from ${from}`].filter(Boolean).join(' · ')}`)}`);
  }
  for (const v of t.internalVolumes) {
    lines.push(`  ${p.dim('│')} ${'cache entry'.padEnd(16)} ${clock(v.start, o.zone)} ${formatDuration(spanMs(v.start, v.end)).padStart(10)}  internal volume ${safe(v.volumeId ?? '?')} (${v.status})`);
  }
  if (t.reasons.length > 0) {
    lines.push(`  ${p.bold('why not a clone:')}`);
    for (const r of t.reasons) lines.push(`    - ${safe(r.message)} ${p.dim(`[${r.code}]`)}`);
  }
  if (t.advice.length > 0) {
    lines.push(`  ${p.bold('to make it a clone:')}`);
    for (const a of t.advice) {
      lines.push(`    - ${safe(a.message)} ${p.dim(`[${a.code}]`)}`);
      if (a.command !== null) lines.push(`      ${p.cyan(`$ ${safe(a.command)}`)}`);
    }
  }
  if (t.error !== null) lines.push(`  ${p.red('error:')} ${safe(t.error)}`);
  for (const n of t.notes) lines.push(`  ${p.dim(`note: ${safe(n)}`)}`);
  return `${lines.join('\n')}\n`;
}
