import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needing } from '../../helpers/needing.ts';
import fc from 'fast-check';
import { analyseJournal, missingTools, sampleExport, tempDir, writeJournal } from './journal-tools.ts';

const maybe = needing(missingTools);

const BIN = join(import.meta.dirname, '../../helpers/clonewatch');
/** Each damaged file must be read within this (a hang fails the test instead of the run). */
const BOUND_MS = 15_000;

function journals(): { name: string; bytes: Buffer; used: number; entries: number }[] {
  const dir = tempDir();
  return [
    { name: 'compact', env: {} },
    { name: 'legacy', env: { SYSTEMD_JOURNAL_COMPACT: '0', SYSTEMD_JOURNAL_KEYED_HASH: '0' } },
  ].map(({ name, env }) => {
    const f = join(dir, `${name}.journal`);
    writeJournal(sampleExport('failure'), f, env);
    const bytes = readFileSync(f);
    const tail = Number(bytes.readBigUInt64LE(136));
    const used = tail + Number(bytes.readBigUInt64LE(tail + 8));
    return { name, bytes: bytes.subarray(0, Math.ceil(used / 8) * 8), used, entries: Number(bytes.readBigUInt64LE(152)) };
  });
}

const bounded = <T,>(p: Promise<T>): Promise<T> =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not done within ${BOUND_MS} ms: a hang`)), BOUND_MS).unref())]);

maybe('truncated at any offset past the signature: never a crash or a hang, a diagnostic naming the file, never more entries than were written', async (t) => {
  const dir = tempDir();
  for (const j of journals()) {
    const whole = await analyseJournal(writeTo(dir, `${j.name}-whole.journal`, j.bytes), null);
    t.is(whole.summary.lines.read, j.entries);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 8, max: j.bytes.length - 1 }), async (cut) => {
        const f = writeTo(dir, `${j.name}-cut.journal`, j.bytes.subarray(0, cut));
        const r = await bounded(analyseJournal(f, null));
        t.true(r.summary.lines.read <= j.entries);
        t.true(r.diagnostics.length > 0, `cut at ${cut}: a diagnostic`);
        t.true(r.diagnostics.every((d) => d.message.includes(f)), 'every diagnostic names the file');
      }),
      { numRuns: 25, seed: 20261206 },
    );
  }
});

maybe('random byte flips: never a crash or a hang, the records still add up', async (t) => {
  const dir = tempDir();
  for (const j of journals()) {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: j.bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 40 }), async (flips) => {
        const b = Buffer.from(j.bytes);
        for (const [at, x] of flips) b[at] = (b[at] ?? 0) ^ x;
        const r = await bounded(analyseJournal(writeTo(dir, `${j.name}-flipped.journal`, b), null));
        const l = r.summary.lines;
        t.is(l.read, l.recognised + l.unrecognised + l.prefiltered + l.continuation + l.markers + l.blank + l.malformed);
      }),
      { numRuns: 25, seed: 7 },
    );
  }
});

maybe('the command on damaged files: valid NDJSON, exit 0 or 1, a diagnostic on stderr', (t) => {
  const dir = tempDir();
  const j = journals()[0];
  if (j === undefined) throw new Error('no journal');
  const cases: [string, Buffer][] = [
    ['cut-in-entries.journal', j.bytes.subarray(0, Math.floor(j.bytes.length * 0.6))],
    ['cut-in-header.journal', j.bytes.subarray(0, 100)],
    ['flipped.journal', Buffer.from(j.bytes).fill(0xa5, Math.floor(j.bytes.length / 2), Math.floor(j.bytes.length / 2) + 4096)],
  ];
  for (const [name, bytes] of cases) {
    const f = writeTo(dir, name, bytes);
    const r = spawnSync(BIN, ['--json', '--all-units', '--tz', 'UTC', f], { encoding: 'utf8', timeout: 60_000 });
    t.true(r.status === 0 || r.status === 1, `${name}: exit ${r.status}`);
    const lines = r.stdout.split('\n').filter((l) => l.length > 0);
    t.true(lines.length > 0);
    for (const l of lines) t.notThrows(() => JSON.parse(l), name);
    t.regex(r.stderr, new RegExp(name.replace('.', '\\.')), `${name}: the diagnostic names the file`);
  }
});

function writeTo(dir: string, name: string, b: Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, b);
  return f;
}
