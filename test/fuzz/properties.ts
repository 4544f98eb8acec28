import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFormat } from '../../src/model/log-record.ts';
import { VolumeRecordSchema, SummaryRecordSchema, type VolumeRecord } from '../../src/schema/volume-record.ts';
import type { RunResult } from '../helpers/analyse-files.ts';
import { samples, lineFramed, formatOf, type Sample } from './support/corpus.ts';
import { dropEntries, entryCount, joinUnits, splitEntries, type Unit } from './support/entries.ts';
import { garbageArb, mutate, mutationArb, prng } from './support/mutate.ts';
import { byFlow, countLines, inputErrors, linesAddUp, located, runBuffer } from './support/run.ts';

/** One property of the fuzz suite: `runs` is its count under `npm test`; `npm run fuzz` runs it for minutes. */
export interface FuzzProperty {
  readonly name: string;
  readonly runs: number;
  /** Runs the property `numRuns` times from `seed` (a fresh one when absent); failures are shrunk. */
  check(o: { numRuns: number; seed?: number }): Promise<fc.RunDetails<unknown>>;
}

function define<T>(name: string, runs: number, arb: fc.Arbitrary<T>, predicate: (t: T) => Promise<void>): FuzzProperty {
  return { name, runs, check: (o) => fc.check(fc.asyncProperty(arb, predicate), o) as Promise<fc.RunDetails<unknown>> };
}

class Broken extends Error {}
const check = (ok: boolean, what: string) => {
  if (!ok) throw new Broken(what);
};

/** What must hold for any input: no exception (the caller awaits), no unreadable input, counts add up, valid records. */
function sane(r: RunResult, data: Buffer): void {
  check(inputErrors(r).length === 0, `input error: ${inputErrors(r)[0]?.message}`);
  const l = r.summary.lines;
  check(linesAddUp(l), `lines do not add up: ${JSON.stringify(l)}`);
  const format = r.summary.inputs[0]?.format ?? null;
  if (data.length > 0) check(format !== null, 'a non-empty input was read as empty');
  // (verbose counts one read per entry, not per line: see createVerboseDecoder)
  if (format !== null && lineFramed(format) && format !== 'verbose') check(l.read === countLines(data), `${l.read} lines read of ${countLines(data)} (${format})`);
  for (const v of r.volumes) {
    const parsed = VolumeRecordSchema.safeParse(v);
    check(parsed.success, `invalid volume record (${JSON.stringify(parsed.error?.issues)}): ${JSON.stringify(v)}`);
    noNegative(v);
  }
  const summary = SummaryRecordSchema.safeParse(r.summary);
  check(summary.success, `invalid summary record (${JSON.stringify(summary.error?.issues)})`);
}

/** No duration, size or rate anywhere in a record is negative. */
export function noNegative(v: VolumeRecord): void {
  const walk = (x: unknown, path: string): void => {
    if (typeof x === 'number') check(x >= 0 || !/durationMs|MB|mbps|Ms$/.test(path), `negative ${path}: ${x}`);
    else if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (x !== null && typeof x === 'object') for (const [k, y] of Object.entries(x)) walk(y, `${path}.${k}`);
  };
  walk(v, 'volume');
}

/** Two lists of records are equal; otherwise says which record first differs, and how. */
function same(got: readonly unknown[], want: readonly unknown[], what: string): void {
  const g = got.map((x) => JSON.stringify(x));
  const w = want.map((x) => JSON.stringify(x));
  const i = g.findIndex((x, k) => x !== w[k]);
  if (i < 0 && g.length === w.length) return;
  const a = g[i] ?? '(none)';
  const b = w[i] ?? '(none)';
  let c = 0;
  while (c < a.length && a[c] === b[c]) c++;
  const around = (x: string) => `…${x.slice(Math.max(0, c - 120), c + 160)}…`;
  check(false, `${what}: ${g.length} records against ${w.length}; record ${i} first differs at character ${c}:\n  got  ${around(a)}\n  want ${around(b)}`);
}

const all = () => samples();
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/** A window of `n` units of a sample from unit `start` (the whole sample when it is small). */
function window(s: Sample, start: number, n: number): Buffer {
  const units = splitEntries(s.format, s.data);
  const from = start % Math.max(1, units.length);
  return joinUnits(units.slice(from, from + n));
}

const randomBytes = define('random bytes, alone or around a real journal head: no exception, lines add up', 150, 
      fc.record({
        junk: fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
        sample: fc.nat(),
        where: fc.constantFrom('alone', 'before', 'after'),
        force: fc.option(fc.constantFrom<InputFormat>('json', 'export', 'short-precise', 'oslo', 'json-pretty', 'verbose', 'json-seq', 'cat', 'short-monotonic'), { nil: undefined }),
        sizes: fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
      }),
      async ({ junk, sample, where, force, sizes }) => {
        const s = pick(all(), sample);
        const head = s.data.subarray(0, 4000);
        const data = where === 'alone' ? junk : where === 'before' ? Buffer.concat([junk, head]) : Buffer.concat([head, junk]);
        sane(await runBuffer('junk', data, { sizes, ...(force ? { format: force } : {}) }), data);
      },
);

const mutations = define('real lines mutated (truncated, bytes flipped, NULs and escapes inserted, doubled, dropped) in every format', 150, 
      fc.record({
        sample: fc.nat(),
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 120 }),
        forced: fc.boolean(),
        mutations: fc.array(mutationArb, { minLength: 1, maxLength: 25 }),
        sizes: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }),
      }),
      async (c) => {
        const s = pick(all(), c.sample);
        const data = mutate(window(s, c.start, c.length), c.mutations);
        sane(await runBuffer(s.path, data, { sizes: c.sizes, ...(c.forced ? { format: s.format } : {}) }), data);
      },
);

const cleanRuns = new Map<string, Promise<RunResult>>();
const clean = (s: Sample, format?: InputFormat) => {
  const key = `${s.path}|${format ?? ''}`;
  let r = cleanRuns.get(key);
  if (r === undefined) cleanRuns.set(key, (r = runBuffer(s.path, s.data, format ? { format } : {})));
  return r;
};

const garbage = define('garbage lines inserted between the lines of a known-good sample: the same timelines', 40, 
      fc.record({
        sample: fc.nat(),
        inserts: fc.array(fc.tuple(fc.nat(), garbageArb), { minLength: 1, maxLength: 30 }),
      }),
      async ({ sample, inserts }) => {
        const s = pick(
          all().filter((x) => lineFramed(x.format)),
          sample,
        );
        const units: Unit[] = [...splitEntries(s.format, s.data)];
        // After the first unit: the first lines decide the year of a yearless journal.
        for (const [at, bytes] of inserts) units.splice(1 + (at % units.length), 0, { bytes: Buffer.concat([bytes, Buffer.from('\n')]), entry: false });
        const data = joinUnits(units);
        const dirty = await runBuffer(s.path, data, { format: s.format });
        sane(dirty, data);
        const want = await clean(s, s.format);
        same(dirty.volumes.map(located), want.volumes.map(located), `timelines of ${s.path}`);
        check(dirty.summary.lines.read === want.summary.lines.read + inserts.length, 'inserted lines not counted');
      },
);

const chunking = define('chunking invariance: every sample cut at random chunk boundaries gives the same records and counts', 60, 
      fc.record({ sample: fc.nat(), sizes: fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 24 }) }),
      async ({ sample, sizes }) => {
        const s = pick(all(), sample);
        const [whole, cut] = [await clean(s), await runBuffer(s.path, s.data, { sizes })];
        same(cut.volumes, whole.volumes, `records of ${s.path}`);
        check(JSON.stringify(cut.summary.lines) === JSON.stringify(whole.summary.lines), `line counts differ for ${s.path}`);
      },
);

/** Host and time of every entry of a scenario, from its JSON rendering (one entry per line). */
function entryFacts(dir: string): { host: string; time: number }[] {
  return readFileSync(join(dir, 'journal.json'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => {
      const e = JSON.parse(l) as { _HOSTNAME?: string; __REALTIME_TIMESTAMP?: string };
      return { host: e._HOSTNAME ?? '', time: Number(e.__REALTIME_TIMESTAMP ?? 0) / 1000 };
    });
}

/** Renderings of a scenario whose entries line up one to one with its JSON rendering. */
function aligned(dir: string): { sample: Sample; units: Unit[] }[] {
  const n = entryFacts(dir).length;
  return all()
    .filter((s) => s.path.startsWith(`${dir}/`) && s.format !== 'oslo')
    .map((sample) => ({ sample, units: splitEntries(sample.format, sample.data) }))
    .filter((x) => entryCount(x.units) === n);
}

const MULTI = 'samples/multi-host';

/**
 * The multi-host journal (rendering `which`) with its hosts' entries interleaved at random (`seed`),
 * each host's own order kept, an entry taken at most `skewMs` after the earliest waiting one.
 * Beyond the reducer's 2 s close grace a flow's last lines can come after it closed (known-limits.test.ts).
 */
export async function reorderedHostsAgree({ which, seed, skewMs }: { which: number; seed: number; skewMs: number }): Promise<void> {
      const facts = entryFacts(MULTI);
      const { sample, units } = pick(
        aligned(MULTI).filter((x) => x.sample.format !== 'cat'),
        which,
      );
      const entries = units.filter((u) => u.entry);
      const queues = new Map<string, number[]>();
      facts.forEach((f, i) => queues.set(f.host, [...(queues.get(f.host) ?? []), i]));
      // Each step takes the next entry of a random host whose next entry is at most `skewMs` after the earliest one.
      const rnd = prng(seed);
      const order: number[] = [];
      while (order.length < entries.length) {
        const heads = [...queues.values()].filter((q) => q.length > 0);
        const earliest = Math.min(...heads.map((q) => facts[q[0] as number]?.time ?? 0));
        const ready = heads.filter((q) => (facts[q[0] as number]?.time ?? 0) <= earliest + skewMs);
        order.push(pick(ready, Math.floor(rnd() * ready.length)).shift() as number);
      }
      const head = units.filter((u) => !u.entry && units.indexOf(u) < units.findIndex((x) => x.entry));
      const data = joinUnits([...head, ...order.map((i) => entries[i] as Unit)]);
      const moved = await runBuffer(sample.path, data, { format: sample.format });
      sane(moved, data);
      const want = await clean(sample, sample.format);
      same(byFlow(moved.volumes), byFlow(want.volumes), `per-volume results of ${sample.path}`);
}

const reorder = define('lines of different hosts reordered (journalctl -m with clock skew): the same per-volume results', 20, fc.record({ which: fc.nat(), seed: fc.integer(), skewMs: fc.integer({ min: 0, max: 20_000 }) }), reorderedHostsAgree);

/** Seconds-only renderings and those without host or time carry less: compare what they can carry. */
const SECONDS: ReadonlySet<InputFormat> = new Set(['short', 'short-iso', 'short-full', 'with-unit']);
function carried(v: VolumeRecord, f: InputFormat): unknown {
  const { input: _input, msg: _msg, time: _time, ...rest } = v;
  const untimed = f === 'cat';
  const seconds = SECONDS.has(f);
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/;
  return JSON.parse(
    JSON.stringify(rest, (key, value: unknown) => {
      if (untimed && ['host', 'start', 'end', 'durationMs', 'mbps'].includes(key)) return undefined;
      // glance-api's serving is joined by request id, else by image and time: without times that fallback cannot work.
      if (untimed && key === 'glanceServe') return undefined;
      if (untimed && key === 'phases' && Array.isArray(value)) value = (value as { name: string }[]).filter((p) => p.name !== 'glance-serve');
      if (seconds && (key === 'durationMs' || key === 'mbps')) return undefined;
      // To the minute: some times are derived (glance-api's start = end - its logged duration), and whole seconds shift them by one.
      if (seconds && typeof value === 'string' && iso.test(value)) return value.slice(0, 16);
      // Without (sub-second) times, phases that start together can come in another order.
      if (key === 'phases' && (untimed || seconds) && Array.isArray(value)) return [...(value as { name: string }[])].sort((a, b) => a.name.localeCompare(b.name));
      return value;
    }),
  );
}

const SCENARIOS = ['samples/multi-host', 'samples/cache-miss-seeded', 'samples/copy-with-conversion', 'samples/failure', 'samples/coloured-json'];

const formats = define('the same flows (random entries dropped alike) in every journalctl mode give the same records', 8, fc.record({ which: fc.nat(), drop: fc.uniqueArray(fc.nat({ max: 4000 }), { maxLength: 60 }) }), async ({ which, drop }) => {
      const dir = pick(SCENARIOS, which);
      const renderings = aligned(dir);
      check(renderings.length >= 3, `only ${renderings.length} aligned renderings in ${dir}`);
      const gone = new Set(drop);
      const results = new Map<Sample, VolumeRecord[]>();
      for (const { sample, units } of renderings) {
        const data = joinUnits(dropEntries(units, gone));
        const r = await runBuffer(sample.path, data, { format: sample.format });
        sane(r, data);
        results.set(sample, r.volumes);
      }
      const json = [...results].find(([s]) => s.format === 'json');
      check(json !== undefined, `no JSON rendering in ${dir}`);
      const [, reference] = json as [Sample, VolumeRecord[]];
      const order = (vs: unknown[]) => vs.map((v) => JSON.stringify(v)).sort();
      for (const [sample, volumes] of results) {
        const got = order(volumes.map((v) => carried(v, sample.format)));
        const want = order(reference.map((v) => carried(v, sample.format)));
        same(got, want, `${sample.path} against the JSON rendering`);
      }
});

export const PROPERTIES: readonly FuzzProperty[] = [randomBytes, mutations, garbage, chunking, reorder, formats];
export { formatOf };
