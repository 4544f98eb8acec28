import test from 'ava';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { entryEnd, type CutFormat } from './helpers/entry-end.ts';
import { needing } from './helpers/needing.ts';
import { runCliStalling, type Stall } from './helpers/run-cli-stalling.ts';
import { missingTools, tempDir, writeJournal } from './input/journal-file/journal-tools.ts';
import { runCli, runCliOnStdinFile } from './report/run-cli.ts';

// A finished journal piped in for a post-mortem (`journalctl --file F -o export | clonewatch -`,
// `zcat old.log.gz | clonewatch -`) is read like a file however its writer stalls: its log times are
// far from the clock, so no record is cut short by a wall-clock wait and no flow is closed by wall
// time (src/pipeline/is-current.ts). Each test writes the same bytes through a pipe that stops where
// a wall-clock rule would change the result, and compares stdout with reading them from a file.

/** The failure sample: a failed copy whose three tracebacks are journal entries of their own, line by line. */
const SAMPLE = 'samples/failure';
/** Its entries (`__REALTIME_TIMESTAMP`) after which the writer stops. */
const STOPS = [
  // `ERROR cinder.volume.volume_utils Traceback (most recent call last):`: the rest of the traceback
  // must still fold into its record (a live wait for continuation lines is 5 ms for entries, 150 ms for text).
  { usec: '1773951184569259', ms: 600 },
  // The same in cinder.volume.manager's traceback, written in two pieces.
  { usec: '1773951184575079', ms: 600 },
  // The failed flow's last line: its close grace (2 s) runs out in wall time during the stop.
  { usec: '1773951184617219', ms: 2300 },
] as const;
const run = promisify(execFile);
const FILES: Record<CutFormat, string> = { 'short-precise': 'journal.short-precise.txt', json: 'journal.json', export: 'journal.export' };

function stallsIn(input: Buffer, format: CutFormat): Stall[] {
  const stalls: Stall[] = STOPS.map((s) => ({ at: entryEnd(input, format, s.usec), ms: s.ms }));
  // And once in the middle of an entry (a line split across two writes).
  const first = stalls[0]?.at ?? 0;
  return [...stalls, { at: Math.floor(first / 2), ms: 300 }];
}

for (const format of Object.keys(FILES) as CutFormat[]) {
  for (const args of [[], ['--json']]) {
    test(`${format}${args.length === 0 ? '' : ' ' + args.join(' ')}: a historical journal through a stalling pipe gives the bytes reading it from a file gives`, async (t) => {
      const path = join(SAMPLE, FILES[format]);
      const input = readFileSync(path);
      const all = [...args, '--year', '2026', '-'];
      const [piped, file] = await Promise.all([runCliStalling(all, input, stallsIn(input, format)), runCliOnStdinFile(all, path)]);
      t.is(file.status, 0, file.stderr);
      t.regex(file.stdout, /a42c9de0-7d9b-471d-bfc8-e26f69e46b47/);
      t.is(piped.status, 0, piped.stderr);
      t.is(piped.stdout, file.stdout);
    });
  }
}

needing(missingTools)('the real case: `journalctl --file F -o export | clonewatch -` gives what `clonewatch F` gives, also when the pipe stalls', async (t) => {
  const dir = tempDir();
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const journal = join(dir, 'failure.journal');
  writeJournal(readFileSync(join(SAMPLE, FILES.export)), journal);
  const exported = execFileSync('journalctl', ['--file', journal, '-o', 'export']);
  for (const args of [[], ['--json']]) {
    // journalctl reads every unit; the file read natively, all of them too (--all-units). The input's
    // name and format are the only differences (`(stdin) (export, …)` against the file's).
    const native = await runCli([...args, '--all-units', journal]);
    t.is(native.status, 0, native.stderr);
    const expected = native.stdout.replaceAll(journal, '(stdin)').replace(/\(journal, (\d+ lines)\)/, '(export, $1)').replace('"format":"journal"', '"format":"export"');
    t.regex(expected, /\(stdin\)/, 'the input is named');
    // As an operator types it (the environment runCli gives the CLI: no colour, UTC).
    const piped = await run('sh', ['-c', 'journalctl --file "$0" -o export | test/helpers/clonewatch "$@" -', journal, ...args], { env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });
    t.is(piped.stdout, expected, `journalctl | clonewatch ${args.join(' ')}`);
    const stalled = await runCliStalling([...args, '-'], exported, stallsIn(exported, 'export'));
    t.is(stalled.stdout, expected, `journalctl | clonewatch ${args.join(' ')}, the pipe stalling`);
  }
});
