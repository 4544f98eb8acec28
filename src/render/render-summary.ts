import type { SummaryData } from '../reduce/create-summary.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { conversionDirAdvice } from '../report/conversion-dir-advice.ts';
import { conversionDirLines } from './conversion-dir-lines.ts';
import { describeImageCache } from './describe-image-cache.ts';
import { formatDuration } from './format-duration.ts';
import type { HumanOptions } from './render-timeline.ts';
import { lineTotals, type RunTotals } from './run-totals.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

const list = (o: Record<string, number>) =>
  Object.entries(o)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ') || 'none';

/** The human summary printed after the timelines. */
export function renderSummary(s: SummaryData, run: RunTotals, o: HumanOptions): string {
  const p = o.palette;
  const at = (t: number | null) => (t === null ? '?' : formatTimestamp(t, o.zone, { style: 'date-time' }));
  const v = s.volumes;
  const image = v.bySource['image'] ?? 0;
  const l = lineTotals(run);
  const ti = s.temporaryImages;
  const rows: [string, string][] = [
    ['span', s.span.start === null ? 'no timestamps' : `${at(s.span.start)} → ${at(s.span.end)} (${o.zone === 'local' ? 'local time' : o.zone})`],
    ['volumes', `${v.total}: ${list(v.byStatus)}${v.internal ? ` (+${v.internal} internal cache volumes)` : ''}`],
    ['from image', `${image}: clone ${v.byProvisioning['clone'] ?? 0}${Object.keys(v.byCloneMethod).length ? ` (${list(v.byCloneMethod)})` : ''} · copy ${v.byProvisioning['copy'] ?? 0} (${v.withConversion} with conversion, ${v.cacheSeeded} seeded the cache)`],
    ['why copies', list(s.reasons)],
    ['temp images', ti.count === 0 ? 'none' : `${ti.count}, at most ${ti.peakConcurrent} at once (${at(ti.peakAt)}${ti.peakHost ? ` on ${safe(ti.peakHost)}` : ''}), longest ${formatDuration(ti.longestMs)}`],
    ...conversionDirLines(s.conversionDir.hosts, o.zone).map(({ line }): [string, string] => ['conv dir', line]),
    ['lines', `${l.read} read: ${l.recognised} recognised, ${l.unrecognised} unrecognised, ${l.prefiltered} prefiltered, ${l.continuation} continuation, ${l.markers} markers, ${l.blank} blank, ${l.malformed} malformed${l.blob === undefined ? '' : `, ${l.blob} blob data`}`],
    ['inputs', run.inputs.map((i) => `${safe(i.name)} (${i.error ? p.red('unreadable') : `${i.format ?? 'empty'}, ${i.stats.read} lines`})`).join(', ')],
  ];
  rows.splice(rows.findIndex(([k]) => k === 'lines'), 0, ...s.imageCache.map((c): [string, string] => ['image cache', `${safe(c.backend)}: ${describeImageCache(c)}`]));
  for (const a of [...s.advice, ...conversionDirAdvice(s.conversionDir.hosts, o.zone)]) rows.push(['advice', `${safe(a.message)} (${a.volumes} volume${a.volumes === 1 ? '' : 's'})${a.command === null ? '' : `\n${' '.repeat(15)}$ ${safe(a.command)}`}`]);
  if (run.diagnostics.errors + run.diagnostics.warnings > 0) rows.push(['diagnostics', `${run.diagnostics.errors} errors, ${run.diagnostics.warnings} warnings (see stderr)`]);
  return `${p.bold('Summary')}\n${rows.map(([k, val]) => `  ${k.padEnd(12)} ${val}`).join('\n')}\n`;
}
