import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { createWriter } from '../io/create-writer.ts';
import { createThroughput, type ThroughputSummary } from '../report/create-throughput.ts';
import { mergeThroughput, parseThroughputSummary } from '../report/merge-throughput.ts';
import { createWriteFilter } from '../report/timeline-filter.ts';
import { glanceWritesOf, THROUGHPUT_DIMENSIONS, throughputEventsOf, type ThroughputDimension } from '../report/throughput-event.ts';
import { createPalette } from '../render/palette.ts';
import { renderThroughput } from '../render/render-throughput.ts';
import { renderThroughputCsv } from '../render/render-throughput-csv.ts';
import { collectAnalysis } from './collect-analysis.ts';
import type { SetRun } from './command-run.ts';
import { EXIT } from './exit-codes.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { withAnalyseOptions } from './with-analyse-options.ts';

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
  clonewatch throughput --merge a.json b.json --by host           (one answer for the fleet)`;

async function throughputCommand(files: readonly string[], raw: Record<string, unknown>): Promise<number> {
  const r = resolveInvocation(files, raw, { command: 'throughput', schema: ThroughputOptionsSchema });
  if (typeof r === 'number') return r;
  const t = r.own;
  if (t.csv && r.options.json) {
    process.stderr.write('clonewatch: error: give --json or --csv, not both\n');
    return EXIT.misuse;
  }
  let summary: ThroughputSummary;
  let exit: number = EXIT.ok;
  if (t.merge) {
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
    const m = mergeThroughput(docs, t.by.length > 0 ? t.by : null);
    if (!m.ok) {
      process.stderr.write(`clonewatch: error: ${m.error}\n`);
      return EXIT.misuse;
    }
    summary = m.summary;
  } else {
    const acc = createThroughput(t.by, r.options.tz);
    const done = await collectAnalysis(r.files, r.options, (tl) => {
      for (const e of throughputEventsOf(tl)) acc.add(e);
    });
    if (done === null) return EXIT.failure;
    exit = done.exit;
    for (const i of done.images) for (const e of glanceWritesOf(i, createWriteFilter(r.options, r.options.tz, i))) acc.add(e);
    summary = acc.result();
  }
  const colour = r.options.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const out = createWriter(process.stdout);
  await out.write(r.options.json ? `${JSON.stringify(summary)}\n` : t.csv ? renderThroughputCsv(summary) : renderThroughput(summary, createPalette(colour)));
  return exit;
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
  )
    .option('--by <dimension>', `group by ${THROUGHPUT_DIMENSIONS.join('|')} (several: --by host,backend or repeat)`, collect)
    .option('--csv', 'CSV output')
    .option('--merge', 'add up the throughput --json files given instead of reading logs')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => setRun(() => throughputCommand(files, raw)));
}
