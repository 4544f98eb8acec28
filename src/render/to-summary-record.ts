import type { SummaryData } from '../reduce/create-summary.ts';
import { conversionDirAdvice } from '../report/conversion-dir-advice.ts';
import type { SummaryRecord } from '../schema/volume-record.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { toImageCacheRecord } from './to-image-cache-record.ts';
import { lineTotals, type RunTotals } from './run-totals.ts';
import { toConversionDirRecord } from './to-conversion-dir-record.ts';

const iso = (t: number | null, zone: string) => (t === null ? null : formatTimestamp(t, zone));

/** The closing NDJSON record of a run. */
export function toSummaryRecord(s: SummaryData, run: RunTotals, zone: string): SummaryRecord {
  const v = s.volumes;
  const time = s.span.end;
  return {
    kind: 'summary',
    level: run.diagnostics.errors > 0 ? 50 : 30,
    ...(time === null ? {} : { time: Math.round(time) }),
    msg: `summary: ${v.total} volumes (${v.byProvisioning['clone'] ?? 0} clones, ${v.byProvisioning['copy'] ?? 0} copies, ${v.byStatus['failed'] ?? 0} failed, ${v.byStatus['incomplete'] ?? 0} incomplete)`,
    span: { start: iso(s.span.start, zone), end: iso(s.span.end, zone) },
    volumes: v,
    reasons: s.reasons,
    advice: [...s.advice.map((a) => ({ ...a })), ...conversionDirAdvice(s.conversionDir.hosts, zone)],
    imageCache: s.imageCache.map(toImageCacheRecord),
    temporaryImages: { ...s.temporaryImages, peakAt: iso(s.temporaryImages.peakAt, zone) },
    conversionDir: s.conversionDir.hosts.map((h) => toConversionDirRecord(h, zone, { points: false })),
    lines: lineTotals(run),
    inputs: run.inputs.map((i) => ({ name: i.name, format: i.format, read: i.stats.read, error: i.error })),
    diagnostics: { ...run.diagnostics },
  };
}
