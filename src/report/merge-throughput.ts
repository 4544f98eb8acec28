import * as z from 'zod';
import { cellFor, toRows, type StatCell, type ThroughputRow, type ThroughputSummary } from './create-throughput.ts';
import { THROUGHPUT_DIMENSIONS, THROUGHPUT_METRICS, type ThroughputDimension } from './throughput-event.ts';
import { mergeStat, RELATIVE_ACCURACY, sketchFromJson, type ThroughputStat } from './throughput-stat.ts';

const Num = z.number().nullable();
const RowSchema = z.object({
  metric: z.enum(THROUGHPUT_METRICS),
  group: z.partialRecord(z.enum(THROUGHPUT_DIMENSIONS), z.string()),
  count: z.number().int().nonnegative(),
  totalMB: z.number(),
  totalSeconds: z.number(),
  perEvent: z.object({ mean: Num, min: Num, max: Num }),
  sketch: z.object({ zeroCount: z.number().nonnegative(), bins: z.array(z.tuple([z.number().int(), z.number().positive()])) }),
});
const SummarySchema = z.object({
  kind: z.literal('throughput'),
  version: z.literal(1),
  relativeAccuracy: z.number(),
  by: z.array(z.enum(THROUGHPUT_DIMENSIONS)),
  zone: z.string(),
  overall: z.array(RowSchema),
  groups: z.array(RowSchema),
});

function statOf(r: z.infer<typeof RowSchema>): ThroughputStat {
  return {
    count: r.count,
    totalMB: r.totalMB,
    totalSeconds: r.totalSeconds,
    sumMbps: (r.perEvent.mean ?? 0) * r.count,
    min: r.perEvent.min ?? Infinity,
    max: r.perEvent.max ?? -Infinity,
    sketch: sketchFromJson(r.sketch),
  };
}

/** Reads one `throughput --json` document; an error message that says what is wrong otherwise. */
export function parseThroughputSummary(text: string, name: string): { ok: true; summary: z.infer<typeof SummarySchema> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Give the output of "clonewatch throughput --json": "${name}" is not JSON (${(e as Error).message})` };
  }
  const r = SummarySchema.safeParse(json);
  if (!r.success) return { ok: false, error: `Give the output of "clonewatch throughput --json": "${name}" is not a throughput summary (${r.error.issues[0]?.path.join('.') ?? ''}: ${r.error.issues[0]?.message ?? ''})` };
  if (r.data.relativeAccuracy !== RELATIVE_ACCURACY) return { ok: false, error: `Regenerate "${name}" with this clonewatch: its sketches have a relative accuracy of ${r.data.relativeAccuracy}, not ${RELATIVE_ACCURACY}` };
  return { ok: true, summary: r.data };
}

/**
 * `throughput --merge`: adds the per-host (or per-anything) summaries together. Counts and totals
 * add exactly, min and max are exact, and DDSketch bins add, so percentiles keep the same stated
 * relative accuracy as one run over all the inputs. `by` may drop dimensions the inputs were
 * grouped by (coarser groups), never add ones they were not.
 */
export function mergeThroughput(inputs: readonly z.infer<typeof SummarySchema>[], by: readonly ThroughputDimension[] | null): { ok: true; summary: ThroughputSummary } | { ok: false; error: string } {
  const first = inputs[0];
  if (first === undefined) return { ok: false, error: 'Give at least one file to --merge' };
  const target = by ?? first.by;
  for (const s of inputs) {
    const missing = target.filter((d) => !s.by.includes(d));
    if (missing.length > 0) return { ok: false, error: `Group the inputs by ${missing.join(', ')} first (throughput --json --by …): a summary grouped by ${s.by.join(', ') || 'nothing'} cannot be split by ${missing.join(', ')}` };
    if (target.includes('hour') && s.zone !== first.zone) return { ok: false, error: `Use the same --tz for every input: hours in ${first.zone} and ${s.zone} do not line up` };
  }
  const overall = new Map<string, StatCell>();
  const groups = new Map<string, StatCell>();
  const add = (cells: Map<string, StatCell>, r: z.infer<typeof RowSchema>, dims: readonly ThroughputDimension[]) => mergeStat(cellFor(cells, r.metric, r.group, dims).stat, statOf(r));
  for (const s of inputs) {
    for (const r of s.overall) add(overall, r, []);
    if (target.length > 0) for (const r of s.groups) add(groups, r, target);
  }
  const rows: ThroughputRow[] = toRows(groups.values(), target);
  return { ok: true, summary: { kind: 'throughput', version: 1, relativeAccuracy: RELATIVE_ACCURACY, by: [...target], zone: first.zone, overall: toRows(overall.values(), []), groups: rows } };
}
