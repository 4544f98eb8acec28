import type { Command } from 'commander';
import { THROUGHPUT_DIMENSIONS } from '../report/throughput-event.ts';
import type { SetRun } from './command-run.ts';
import { prestartReader } from './prestart-reader.ts';
import { EXIT_STATUS_HELP, READ_TO_END_HELP, withAnalyseOptions } from './with-analyse-options.ts';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const EXAMPLES = `
Examples:
  clonewatch throughput --by host,backend cvol-*.json
  clonewatch throughput --json --tz UTC cvol-a.journal > a.json   (on each host)
  clonewatch throughput --merge a.json b.json --by host           (one answer for the fleet)

With --merge the files are summaries, not logs: only --json, --csv, --by and --color apply (another
shared option is an error, exit 2).
${READ_TO_END_HELP}
${EXIT_STATUS_HELP}`;

/** What applies to --merge; the other options are about reading logs. */
const MERGE_OPTIONS: ReadonlySet<string> = new Set(['json', 'csv', 'by', 'merge', 'color']);

/** `clonewatch throughput`: download, conversion, dd copy and glance store write MB/s, overall and grouped. */
export function registerThroughput(root: Command, setRun: SetRun): void {
  withAnalyseOptions(
    root
      .command('throughput')
      .description('throughput of downloads, conversions, dd volume copies and glance store writes: count, total MB,\nsize-weighted MB/s and per-event MB/s percentiles (mergeable DDSketch, within 1 %)')
      .argument('[files...]', 'logs to read (or, with --merge, throughput --json files)'),
    'JSON output: one throughput summary (several add up with --merge)',
  )
    .option('--by <dimension>', `group by ${THROUGHPUT_DIMENSIONS.join('|')} (several: --by host,backend or repeat)`, collect)
    .option('--csv', 'CSV output')
    .option('--merge', 'add up the throughput --json files given instead of reading logs')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>, cmd: Command) => {
      const logOnly = cmd.options.filter((x) => !MERGE_OPTIONS.has(x.attributeName()) && cmd.getOptionValueSource(x.attributeName()) === 'cli');
      const given = [...new Set(logOnly.map((x) => x.long ?? x.flags))];
      if (raw['merge'] !== true) prestartReader(files, raw);
      // The run (zod, the pipeline, the renderers) is loaded only when throughput runs, not for --help.
      setRun(async () => (await import('./run-throughput.ts')).runThroughput(files, raw, given));
    });
}
