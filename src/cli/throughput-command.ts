import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import * as z from 'zod';
import { createWriter } from '../io/create-writer.ts';
import { createThroughput, type ThroughputSummary } from '../report/create-throughput.ts';
import { mergeThroughput, parseThroughputSummary } from '../report/merge-throughput.ts';
import { glanceWritesOf, THROUGHPUT_DIMENSIONS, throughputEventsOf, type ThroughputDimension } from '../report/throughput-event.ts';
import { createPalette } from '../render/palette.ts';
import { renderThroughput } from '../render/render-throughput.ts';
import { renderThroughputCsv } from '../render/render-throughput-csv.ts';
import type { SetRun } from './command-run.ts';
import { consumeAnalysis, type AnalysisSink } from './consume-analysis.ts';
import { EXIT } from './exit-codes.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { wantsColour } from './wants-colour.ts';
import { EXIT_STATUS_HELP, READ_TO_END_HELP, withAnalyseOptions } from './with-analyse-options.ts';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const ThroughputOptionsSchema = z.object({
  by: z
    .array(z.string())
    .default([])
    .transform((list, ctx) => {
      const dims = list.flatMap((x) => x.split(',')).map((x) => x.trim()).filter((x) => x !== '');
      const bad = dims.filter((d) => !(THROUGHPUT_DIMENSIONS as readonly string[]).includes(d));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `--by takes ${THROUGHPUT_DIMENSIONS.join(', ')} (several allowed: --by host,backend), not "${bad.join(', ')}"` });
        return z.NEVER;
      }
      return [...new Set(dims)] as ThroughputDimension[];
    }),
  csv: z.boolean().default(false),
  merge: z.boolean().default(false),
});

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

/** `logOnly`: the options given on the command line that apply to reading logs only. */
async function throughputCommand(files: readonly string[], raw: Record<string, unknown>, logOnly: readonly string[]): Promise<number> {
  const r = resolveInvocation(files, raw, { command: 'throughput', schema: ThroughputOptionsSchema });
  if (typeof r === 'number') return r;
  if (r.own.csv && r.options.json) {
    process.stderr.write('clonewatch: error: give --json or --csv, not both\n');
    return EXIT.misuse;
  }
  const render = (summary: ThroughputSummary) =>
    r.options.json ? `${JSON.stringify(summary)}\n` : r.own.csv ? renderThroughputCsv(summary) : renderThroughput(summary, createPalette(wantsColour(r.options)));
  if (!r.own.merge) return consumeAnalysis(r, throughputSink(r.options.tz, r.own.by, render));
  if (logOnly.length > 0) {
    process.stderr.write(`clonewatch: error: ${logOnly.join(', ')} ${logOnly.length > 1 ? 'apply' : 'applies'} to reading logs, not to --merge\nRun "clonewatch throughput --help" for usage.\n`);
    return EXIT.misuse;
  }
  if (files.length === 0) {
    process.stderr.write('clonewatch: error: --merge takes the JSON files of "clonewatch throughput --json" to add together\n');
    return EXIT.misuse;
  }
  const docs = [];
  for (const f of files) {
    let text: string;
    try {
      text = f === '-' ? await readStdin() : await readFile(f, 'utf8');
    } catch (e) {
      process.stderr.write(`clonewatch: error: Check the path: "${f}" cannot be read: ${(e as Error).message}\n`);
      return EXIT.failure;
    }
    const p = parseThroughputSummary(text, f);
    if (!p.ok) {
      process.stderr.write(`clonewatch: error: ${p.error}\n`);
      return EXIT.failure;
    }
    docs.push(p.summary);
  }
  const m = mergeThroughput(docs, r.own.by.length > 0 ? r.own.by : null);
  if (!m.ok) {
    process.stderr.write(`clonewatch: error: ${m.error}\n`);
    return EXIT.misuse;
  }
  await createWriter(process.stdout).write(render(m.summary));
  return EXIT.ok;
}

/** The measured transfers of the timelines the filters kept and the Glance store writes, grouped `by`. */
function throughputSink(zone: string, by: readonly ThroughputDimension[], render: (s: ThroughputSummary) => string): AnalysisSink {
  const fromTimelines = createThroughput(by, zone);
  return {
    timeline(t) {
      for (const e of throughputEventsOf(t)) fromTimelines.add(e);
      return '';
    },
    state(s) {
      const writes = createThroughput(by, zone);
      for (const i of s.images) for (const e of glanceWritesOf(i)) writes.add(e);
      const a = fromTimelines.result();
      const b = writes.result();
      // Store writes are a metric of their own, the last one: their rows come after the timelines' rows.
      return render({ ...a, overall: [...a.overall, ...b.overall], groups: [...a.groups, ...b.groups] });
    },
  };
}

async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of process.stdin) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

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
      setRun(() => throughputCommand(files, raw, [...new Set(logOnly.map((x) => x.long ?? x.flags))]));
    });
}
