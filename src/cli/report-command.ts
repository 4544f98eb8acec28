import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { createWriter } from '../io/create-writer.ts';
import type { Timeline } from '../reduce/timeline.ts';
import { buildReport } from '../report/build-report.ts';
import { createThroughput } from '../report/create-throughput.ts';
import { createWriteFilter } from '../report/timeline-filter.ts';
import { glanceWritesOf, throughputEventsOf } from '../report/throughput-event.ts';
import { describeOutcome } from '../render/describe-outcome.ts';
import { renderHtmlReport } from '../render/html/render-html-report.ts';
import { createPalette } from '../render/palette.ts';
import { renderReport } from '../render/render-report.ts';
import { toReportRecord } from '../render/to-report-record.ts';
import { collectAnalysis } from './collect-analysis.ts';
import type { SetRun } from './command-run.ts';
import { EXIT } from './exit-codes.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { withAnalyseOptions } from './with-analyse-options.ts';

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
  clonewatch report --json --host cvol-b cvol-b.journal | jq .slowest`;

async function reportCommand(files: readonly string[], raw: Record<string, unknown>): Promise<number> {
  const r = resolveInvocation(files, raw, { command: 'report', schema: ReportOptionsSchema });
  if (typeof r === 'number') return r;
  const o = r.options;
  const timelines: Timeline[] = [];
  const throughput = createThroughput([], o.tz);
  const done = await collectAnalysis(r.files, o, (t) => {
    timelines.push(t);
    for (const e of throughputEventsOf(t)) throughput.add(e);
  });
  if (done === null) return EXIT.failure;
  const writes = done.images.flatMap((i) => glanceWritesOf(i, createWriteFilter(o, o.tz, i)));
  for (const e of writes) throughput.add(e);
  const report = buildReport(timelines, throughput.result(), { top: r.own.top, describe: describeOutcome });
  let exit = done.exit;
  if (r.own.html !== undefined) {
    const html = renderHtmlReport(report, timelines, { zone: o.tz, inputs: done.run.inputs.map((i) => i.name), extraEvents: writes });
    try {
      await writeFile(r.own.html, html);
      process.stderr.write(`clonewatch: wrote ${r.own.html} (${timelines.length} volumes)\n`);
    } catch (e) {
      process.stderr.write(`clonewatch: error: Check the path: cannot write "${r.own.html}": ${(e as Error).message}\n`);
      exit = EXIT.failure;
    }
  }
  const colour = o.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const out = createWriter(process.stdout);
  const text = o.json
    ? `${JSON.stringify(toReportRecord(report, o.tz))}\n`
    : renderReport(report, { zone: o.tz, palette: createPalette(colour), width: process.stdout.columns ?? 100 });
  await out.write(text);
  return exit;
}

/** `clonewatch report`: the post-mortem (terminal, --json, --html). */
export function registerReport(root: Command, setRun: SetRun): void {
  withAnalyseOptions(
    root
      .command('report')
      .description('the post-mortem: span, outcomes, the slowest provisionings and why, time in copies vs clones\nand what clones would have saved, concurrency over time, throughput, advice; --html for a timeline')
      .argument('[files...]', 'journalctl output (any -o mode) or oslo.log files, .gz allowed; - or nothing for stdin'),
  )
    .option('--top <n>', 'how many of the slowest provisionings to show', '10')
    .option('--html <file>', 'also write a self-contained HTML report (Gantt timeline, histogram, concurrency)')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => setRun(() => reportCommand(files, raw)));
}
