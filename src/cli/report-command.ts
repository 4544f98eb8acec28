import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
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
import type { SetRun } from './command-run.ts';
import { consumeAnalysis, type AnalysisSink, type AnalysisState } from './consume-analysis.ts';
import type { ResolvedOptions } from './options.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { wantsColour } from './wants-colour.ts';
import { EXIT_STATUS_HELP, READ_TO_END_HELP, withAnalyseOptions } from './with-analyse-options.ts';

const ReportOptionsSchema = z.object({
  top: z
    .string()
    .regex(/^[1-9]\d*$/, { error: '--top takes a positive whole number, e.g. --top 20' })
    .transform(Number)
    .default(10),
  html: z.string().min(1, { error: '--html takes a file name, e.g. --html report.html' }).optional(),
});

const EXAMPLES = `
Examples:
  clonewatch report --tz UTC sosreport-*/sos_commands/logs/journalctl_--no-pager
  clonewatch report --since "2026-03-22 10:10" --until "2026-03-22 10:30" --html boots.html c-vol.json
  clonewatch report --json --host cvol-b cvol-b.journal | jq .slowest
${READ_TO_END_HELP}
${EXIT_STATUS_HELP}`;

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

/** `clonewatch report`: the post-mortem (terminal, --json, --html). */
export function registerReport(root: Command, setRun: SetRun): void {
  withAnalyseOptions(
    root
      .command('report')
      .description('the post-mortem: span, outcomes, the slowest provisionings and why, time in copies vs clones\nand what clones would have saved, concurrency over time, throughput, advice; --html for a timeline')
      .argument('[files...]', 'journalctl output (any -o mode) or oslo.log files, .gz allowed; - or nothing for stdin'),
    'JSON output: the report as one record',
  )
    .option('--top <n>', 'how many of the slowest provisionings to show', '10')
    .option('--html <file>', 'also write a self-contained HTML report (Gantt timeline, histogram, concurrency)')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) =>
      setRun(async () => {
        const r = resolveInvocation(files, raw, { command: 'report', schema: ReportOptionsSchema });
        return typeof r === 'number' ? r : consumeAnalysis(r, reportSink(r.options, r.own));
      }),
    );
}
