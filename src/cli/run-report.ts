import { writeFile } from 'node:fs/promises';
import * as z from 'zod';
import type { Timeline } from '../reduce/timeline.ts';
import { buildReport, type ReportData } from '../report/build-report.ts';
import { createThroughput } from '../report/create-throughput.ts';
import { glanceWritesOf, throughputEventsOf, type ThroughputEvent } from '../report/throughput-event.ts';
import { describeOutcome } from '../render/describe-outcome.ts';
import { renderHtmlReport } from '../render/html/render-html-report.ts';
import { createPalette } from '../render/palette.ts';
import { renderReport } from '../render/render-report.ts';
import { toReportRecord } from '../render/to-report-record.ts';
import { consumeAnalysis, type AnalysisSink, type AnalysisState } from './consume-analysis.ts';
import type { ResolvedOptions } from './options.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { wantsColour } from './wants-colour.ts';

const ReportOptionsSchema = z.object({
  top: z
    .string()
    .regex(/^[1-9]\d*$/, { error: '--top takes a positive whole number, e.g. --top 20' })
    .transform(Number)
    .default(10),
  html: z.string().min(1, { error: '--html takes a file name, e.g. --html report.html' }).optional(),
});

/** The post-mortem of the timelines the filters kept: on stdout (text or one JSON record) and with --html as a file. */
function reportSink(o: ResolvedOptions, own: z.output<typeof ReportOptionsSchema>): AnalysisSink {
  const timelines: Timeline[] = [];
  const palette = createPalette(wantsColour(o));
  // Built once per state (the end is both printed and, with --html, written).
  let built: { s: AnalysisState; report: ReportData; writes: ThroughputEvent[] } | null = null;
  const build = (s: AnalysisState) => {
    if (built?.s === s) return built;
    const throughput = createThroughput([], o.tz);
    for (const t of timelines) for (const e of throughputEventsOf(t)) throughput.add(e);
    const writes = s.images.flatMap((i) => glanceWritesOf(i));
    for (const e of writes) throughput.add(e);
    built = { s, report: buildReport(timelines, throughput.result(), { top: own.top, describe: describeOutcome, zone: o.tz, imageCache: s.summary.imageCache, images: s.images }), writes };
    return built;
  };
  return {
    timeline(t) {
      timelines.push(t);
      return '';
    },
    state(s) {
      const { report } = build(s);
      return o.json ? `${JSON.stringify(toReportRecord(report, o.tz))}\n` : renderReport(report, { zone: o.tz, palette, width: process.stdout.columns ?? 100 });
    },
    async files(s) {
      if (own.html === undefined) return { notices: [], errors: [] };
      const { report, writes } = build(s);
      const html = renderHtmlReport(report, timelines, { zone: o.tz, inputs: s.run.inputs.map((i) => i.name), extraEvents: writes });
      try {
        await writeFile(own.html, html);
        return { notices: [`wrote ${own.html} (${timelines.length} volumes)`], errors: [] };
      } catch (e) {
        return { notices: [], errors: [{ severity: 'error', code: 'output-unwritable', message: `Check the path: cannot write "${own.html}": ${(e as Error).message}` }] };
      }
    },
  };
}

/** `clonewatch report` once parsed (loaded only for it: see report-command.ts). */
export async function runReport(files: readonly string[], raw: Record<string, unknown>): Promise<number> {
  const r = resolveInvocation(files, raw, { command: 'report', schema: ReportOptionsSchema });
  return typeof r === 'number' ? r : consumeAnalysis(r, reportSink(r.options, r.own));
}
