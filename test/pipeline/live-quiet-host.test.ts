import test from 'ava';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_LINE_LENGTH } from '../../src/input/limits.ts';
import type { InputSource } from '../../src/io/open-input.ts';
import { createAnalysis, type AnalyseOutput } from '../../src/pipeline/analyse.ts';
import { shiftToNow } from '../helpers/shift-to-now.ts';

/** stdin as a pipe that stays open: each push arrives as one chunk. */
function openPipe(): { source: InputSource; push(s: string): void; end(): void } {
  const queue: (Buffer | null)[] = [];
  let wake: (() => void) | null = null;
  const put = (b: Buffer | null) => {
    queue.push(b);
    wake?.();
  };
  return {
    source: {
      name: '-',
      mtimeMs: undefined,
      async *chunks() {
        for (;;) {
          while (queue.length === 0) await new Promise<void>((r) => (wake = r));
          const b = queue.shift();
          if (b === null || b === undefined) return;
          yield b;
        }
      },
    },
    push: (s) => put(Buffer.from(s)),
    end: () => put(null),
  };
}

test('a host quiet for ten minutes stays current: a lone line that ends a flow after the silence is taken as whole and the flow closed by wall time', async (t) => {
  // copy-with-conversion logged now, up to the line that ends its second volume's flow (`Volume …:
  // created successfully`); then the host says nothing for ten minutes (a clock that jumps), and that line
  // arrives alone, timed as it would be then. The input is still current: log time kept pace with
  // the clock through the silence, however old the last line read before it.
  const lines = readFileSync('samples/copy-with-conversion/journal.short-precise.txt', 'utf8').split('\n');
  const last = lines.findIndex((l) => l.includes('(6a2791f5-9f3e-4bd1-8029-d9b7fcbf4f5a): created successfully'));
  t.true(last > 0);
  const year = new Date().getUTCFullYear();
  let offset = 0;
  const clock = () => Date.now() + offset;
  const pipe = openPipe();
  const analysis = createAnalysis([pipe.source], [], {
    inputFormat: undefined,
    year,
    currentYear: year,
    zone: 'UTC',
    idleTimeoutMs: 30 * 60_000,
    maxOpen: 10_000,
    maxLineLength: MAX_LINE_LENGTH,
    showUnrecognised: 0,
    // As src/cli/open-analysis.ts sets it for a pipe.
    live: { clock, quietMs: 150, entryQuietMs: 5, tickMs: 50 },
  });
  const out: AnalyseOutput[] = [];
  const done = (async () => {
    for await (const o of analysis.outputs) out.push(o);
  })();
  const volumes = () => out.flatMap((o) => (o.kind === 'timeline' ? [o.timeline] : []));
  const until = async (ok: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await sleep(20);
    return ok();
  };

  const before = shiftToNow(lines.slice(0, last).join('\n') + '\n', 'short-precise', clock(), 2026);
  offset = msBetween(lines[0], lines[last - 1]); // the clock at the time of the last line written
  pipe.push(before);
  t.true(await until(() => volumes().length === 1, 10_000), 'the first volume, by wall time');
  offset += 10 * 60_000;
  await sleep(300); // ticks: log time follows the clock through the silence
  t.is(volumes().length, 1, 'the second flow is still open (--idle-timeout 30m)');
  pipe.push(shiftToNow(`${lines[last] ?? ''}\n`, 'short-precise', clock(), 2026));
  t.true(await until(() => volumes().length === 2, 10_000), 'the second volume, before the input ends');
  t.is(volumes()[1]?.status, 'succeeded');
  pipe.end();
  await done;
  t.is(volumes().length, 2);
});

/** Milliseconds from one short-precise line's time to another's (same year, UTC). */
function msBetween(a = '', b = ''): number {
  const at = (l: string) => Date.parse(`${l.slice(0, 15)} 2026 UTC`) + Number(l.slice(15, 22)) * 1000;
  return at(b) - at(a);
}
