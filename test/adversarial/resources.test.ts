import test from 'ava';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { missingProgram } from '../helpers/missing-program.ts';
import { needing } from '../helpers/needing.ts';
import { cannotRefuseRoot, measure, records, timedTest, volumeIds } from './measure.ts';

// Adversarial resources, end to end through the CLI (test/helpers/clonewatch) under GNU time: big inputs are generated
// on the fly into a temporary directory, streamed, and deleted afterwards. Each must end with a
// clear diagnostic, bounded memory and time, and the rest of the input still analysed.

const dir = mkdtempSync(join(tmpdir(), 'clonewatch-adversarial-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = 'samples/real/01-vn-lvm-volume-log-2020-08.log';
const GOOD_VOLUME = '7b8068fd-01dc-44c6-a393-a11c483b99ad';
const OTHER = 'samples/real/02-vn-lvm-volume-log-2020-09.log';
const OTHER_VOLUMES = (JSON.parse(readFileSync(`${OTHER}.truth.json`, 'utf8')) as { volumes: { volumeId: string }[] }).volumes.map((v) => v.volumeId);
const MiB = 1024 * 1024;

/**
 * Streams `count` copies of `chunk` (or what `make(i)` returns) into a file, without holding it in
 * memory: in writes of about 1 MiB (one write per part made the million lines cost 3.7 s of CPU, 1.8 s so).
 */
async function writeBig(path: string, parts: { before?: Buffer; make: (i: number) => Buffer | string; count: number; after?: Buffer }): Promise<void> {
  const out = createWriteStream(path);
  const write = (b: Buffer | string) => (out.write(b) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  let batch: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length > 0) await write(batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch, size));
    batch = [];
    size = 0;
  };
  if (parts.before) await write(parts.before);
  for (let i = 0; i < parts.count; i++) {
    const made = parts.make(i);
    const b = typeof made === 'string' ? Buffer.from(made) : made;
    batch.push(b);
    size += b.length;
    if (size >= MiB) await flush();
  }
  await flush();
  if (parts.after) await write(parts.after);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

// Heavy inputs one at a time: the peaks must be the child's own, not those of a neighbour's test.
timedTest.serial('a 100 MB line without a newline: skipped with a diagnostic, the input before it and the next input still analysed, memory bounded', async (t) => {
  const file = join(dir, 'long-line.log');
  const block = Buffer.alloc(MiB, 0x41);
  await writeBig(file, { before: readFileSync(GOOD), make: () => block, count: 100 });
  const r = await measure(['--json', file, OTHER]);
  t.log(`peak ${r.peakMiB.toFixed(0)} MiB, ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s)`);
  t.is(r.status, 0);
  t.regex(r.stderr, /warning: Split the input or raise the limit: a line longer than 1048576 characters was skipped \(at .*long-line\.log:\d+\)/);
  t.deepEqual(volumeIds(r.stdout).sort(), [GOOD_VOLUME, ...OTHER_VOLUMES].sort(), 'the flow before the long line and those of the next input');
  const summary = records(r.stdout).at(-1);
  t.true((summary?.lines?.['malformed'] ?? 0) >= 1);
  t.true(r.peakMiB < 250, `peak RSS ${r.peakMiB} MiB for a 100 MiB line`);
});

timedTest.serial('a million distinct request ids: flows capped by --max-open, context per request bounded, memory and time bounded', async (t) => {
  const file = join(dir, 'million.log');
  const base = Date.UTC(2026, 2, 22, 9, 0, 0);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  // Every line a cinder line with its own request id; every 50th opens a flow that never ends.
  await writeBig(file, {
    count: 1_000_000,
    make: (i) => {
      const at = new Date(base + i).toISOString().replace('T', ' ').slice(0, 23);
      const req = `req-${hex(i)}-0000-4000-8000-000000000000`;
      return i % 50 === 0
        ? `${at} 4520 INFO cinder.volume.flows.manager.create_volume [${req} u p - - -] Volume ${hex(i)}-1111-4000-8000-000000000000: being created as image with specification: {'status': 'creating', 'image_id': '11111111-2222-4000-8000-000000000000'}\n`
        : `${at} 4520 DEBUG cinder.volume.manager [${req} u p - - -] Task 'cinder.volume.flows.manager.create_volume.ExtractVolumeRefTask' transitioned into state 'RUNNING'\n`;
    },
    after: readFileSync(GOOD),
  });
  const r = await measure(['--json', '--max-open', '5000', file]);
  t.log(`peak ${r.peakMiB.toFixed(0)} MiB, ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s)`);
  t.is(r.status, 0);
  t.regex(r.stderr, /Raise --max-open to keep more flows: 5000 flows were open at once/);
  const recs = records(r.stdout);
  const volumes = recs.filter((x) => x.kind === 'volume');
  t.is(volumes.length, 20_001, 'every flow reported: 20,000 incomplete ones and the good sample');
  t.is(volumes.filter((v) => v.status === 'incomplete').length, 20_000);
  t.true(volumeIds(r.stdout).includes(GOOD_VOLUME), 'the flow after a million request ids is still found');
  const lines = recs.at(-1)?.lines ?? {};
  t.is(lines['read'], 1_000_000 + readFileSync(GOOD, 'utf8').split('\n').length - 1);
  // 168 MiB and 7 s measured (445 MiB and 42 s before request ids waiting for a flow were held
  // without a string and an object each); the bounds keep that gain, on CPU time, which a busy
  // machine does not stretch as it does wall time.
  t.true(r.peakMiB < 300, `peak RSS ${r.peakMiB} MiB`);
  t.true(r.cpuSeconds < 90, `${r.cpuSeconds} s of CPU`);
});

timedTest.serial('deeply nested and huge JSON entries: malformed or skipped with a diagnostic, the rest analysed', async (t) => {
  const file = join(dir, 'nested.json');
  const good = readFileSync('samples/copy-with-conversion/journal.json', 'utf8').trimEnd().split('\n');
  const deep = `{"MESSAGE": ${'['.repeat(200_000)}${']'.repeat(200_000)}, "__REALTIME_TIMESTAMP": "1774170000000000"}`;
  const deepObject = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  const wide = `{"MESSAGE": "x", ${Array.from({ length: 40_000 }, (_, i) => `"F${i}": "${i}"`).join(', ')}}`; // ~700 KB, within the line limit
  const huge = `{"MESSAGE": "${'y'.repeat(30 * MiB)}"}`; // over the line limit
  writeFileSync(file, [...good.slice(0, 20), deep, deepObject, wide, huge, ...good.slice(20)].join('\n') + '\n');
  const clean = await measure(['--json', 'samples/copy-with-conversion/journal.json']);
  const r = await measure(['--json', file]);
  t.log(`peak ${r.peakMiB.toFixed(0)} MiB, ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s)`);
  t.is(r.status, 0);
  t.deepEqual(volumeIds(r.stdout), volumeIds(clean.stdout));
  t.regex(r.stderr, /longer than 1048576 characters was skipped/);
  const lines = records(r.stdout).at(-1)?.lines ?? {};
  t.is(lines['read'], good.length + 4);
  t.true((lines['malformed'] ?? 0) >= 2, JSON.stringify(lines));
  t.true(r.peakMiB < 300, `peak RSS ${r.peakMiB} MiB`);
});

timedTest.serial('a .gz bomb stops at the stated limit with a diagnostic; what came before it is analysed', async (t) => {
  const file = join(dir, 'bomb.log.gz');
  // gzip members concatenated: the real log, then 64 MiB of text lines compressed ~1000:1, 32 times (2 GiB).
  const line = Buffer.from(`${'A'.repeat(999)}\n`);
  const member = gzipSync(Buffer.concat(Array.from({ length: 64 * 1024 }, () => line)), { level: 9 });
  await writeBig(file, { before: gzipSync(readFileSync(GOOD)), make: () => member, count: 32 });
  const r = await measure(['--json', file]);
  t.log(`peak ${r.peakMiB.toFixed(0)} MiB, ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s); compressed ${(member.length * 32) / MiB} MiB`);
  t.is(r.status, 1, 'an input that could not be read to its end is an error');
  t.regex(r.stderr, /error: .*bomb\.log\.gz.* expands to more than 100 times its compressed size .* decompression bomb; the limit is --max-gzip-ratio 100: raise it \(e\.g\. --max-gzip-ratio 1000\) or decompress by hand \(zcat '.*bomb\.log\.gz' \| clonewatch -\)/);
  t.deepEqual(volumeIds(r.stdout), [GOOD_VOLUME]);
  t.true(r.peakMiB < 450, `peak RSS ${r.peakMiB} MiB`); // 338 MiB measured: it stops after ~400 MiB of output, not 2 GiB
  t.true(r.cpuSeconds < 60, `${r.cpuSeconds} s of CPU`);
});

timedTest.serial('a .gz within the limit is read whole, and --max-gzip-ratio raises the limit', async (t) => {
  const file = join(dir, 'dense.log.gz');
  const filler = Buffer.from(`2020-08-01 13:00:00.000 4520 DEBUG oslo_service.periodic_task [-] ${'Running periodic task '.repeat(3)}\n`);
  const text = Buffer.concat([readFileSync(GOOD), ...Array.from({ length: 700_000 }, () => filler)]);
  const packed = gzipSync(text, { level: 9 });
  writeFileSync(file, packed);
  const ratio = text.length / packed.length;
  const low = await measure(['--json', '--max-gzip-ratio', '20', file]);
  t.is(low.status, 1, `ratio ${ratio.toFixed(0)} is over 20`);
  t.regex(low.stderr, /--max-gzip-ratio 20/);
  const high = await measure(['--json', '--max-gzip-ratio', '2000', file]);
  t.is(high.status, 0, high.stderr);
  t.is(records(high.stdout).at(-1)?.lines?.['read'], 700_000 + readFileSync(GOOD, 'utf8').split('\n').length - 1);
});

timedTest('a symbolic link loop, a directory, a device, a missing file: each an error that says what to do; the good input is analysed', async (t) => {
  const loop = join(dir, 'loop-a');
  symlinkSync(join(dir, 'loop-b'), loop);
  symlinkSync(loop, join(dir, 'loop-b'));
  const sub = join(dir, 'logs');
  mkdirSync(sub);
  const r = await measure(['--json', loop, sub, '/dev/null', join(dir, 'missing.log'), GOOD]);
  t.is(r.status, 1);
  t.regex(r.stderr, /error: Fix the link: ".*loop-a" is a symbolic link loop/);
  t.regex(r.stderr, /error: Give a file, not a directory: ".*logs" is a directory/);
  t.regex(r.stderr, /error: Give a regular file, a pipe or "-" for stdin: "\/dev\/null" is a character device/);
  t.regex(r.stderr, /error: Check the path: ".*missing\.log" does not exist/);
  t.deepEqual(volumeIds(r.stdout), [GOOD_VOLUME]);
  const inputs = records(r.stdout).at(-1)?.inputs ?? [];
  t.is(inputs.filter((i) => i.error !== null).length, 4);
});

needing(missingProgram('/usr/bin/time', 'time') ?? cannotRefuseRoot())('an unreadable file (no permission) is an error that says how to get access', async (t) => {
  const file = join(dir, 'secret.log');
  writeFileSync(file, readFileSync(GOOD));
  chmodSync(file, 0o000);
  const copy = join(dir, 'public.log');
  writeFileSync(copy, readFileSync(GOOD));
  // Root reads any file: then clonewatch runs without the capabilities that allow it.
  const r = await measure(['--json', file, copy], { refuseRoot: true });
  t.is(r.status, 1, r.stderr);
  t.regex(r.stderr, /error: Check the permissions: ".*secret\.log" cannot be read \(run as a user in the systemd-journal or adm group, or use sudo\)/);
  t.deepEqual(volumeIds(r.stdout), [GOOD_VOLUME]);
});

timedTest('a named pipe (as from <(journalctl …)) is read as it is written', async (t) => {
  const fifo = join(dir, 'pipe');
  const { spawnSync } = await import('node:child_process');
  spawnSync('mkfifo', [fifo]);
  const run = measure(['--json', fifo]);
  const w = createWriteStream(fifo);
  w.end(readFileSync(GOOD));
  const r = await run;
  t.is(r.status, 0, r.stderr);
  t.deepEqual(volumeIds(r.stdout), [GOOD_VOLUME]);
});
