import type { Command } from 'commander';
import type { SetRun } from './command-run.ts';
import { prestartReader } from './prestart-reader.ts';
import { EXIT_STATUS_HELP, READ_TO_END_HELP, withAnalyseOptions } from './with-analyse-options.ts';

const EXAMPLES = `
Examples:
  clonewatch report --tz UTC sosreport-*/sos_commands/logs/journalctl_--no-pager
  clonewatch report --since "2026-03-22 10:10" --until "2026-03-22 10:30" --html boots.html c-vol.json
  clonewatch report --json --host cvol-b cvol-b.journal | jq .slowest
${READ_TO_END_HELP}
${EXIT_STATUS_HELP}`;

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
    .action((files: string[], raw: Record<string, unknown>) => {
      prestartReader(files, raw);
      // The run (zod, the pipeline, the renderers) is loaded only when report runs, not for --help.
      setRun(async () => (await import('./run-report.ts')).runReport(files, raw));
    });
}
