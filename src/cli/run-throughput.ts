import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { createWriter } from '../io/create-writer.ts';
import { createThroughput, type ThroughputSummary } from '../report/create-throughput.ts';
import { mergeThroughput, parseThroughputSummary } from '../report/merge-throughput.ts';
import { glanceWritesOf, THROUGHPUT_DIMENSIONS, throughputEventsOf, type ThroughputDimension } from '../report/throughput-event.ts';
import { createPalette } from '../render/palette.ts';
import { renderThroughput } from '../render/render-throughput.ts';
import { renderThroughputCsv } from '../render/render-throughput-csv.ts';
import { consumeAnalysis, type AnalysisSink } from './consume-analysis.ts';
import { EXIT } from './exit-codes.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { wantsColour } from './wants-colour.ts';

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

/** `clonewatch throughput` once parsed (loaded only for it: see throughput-command.ts). `logOnly`: the options given on the command line that apply to reading logs only. */
export async function runThroughput(files: readonly string[], raw: Record<string, unknown>, logOnly: readonly string[]): Promise<number> {
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

