import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needing } from '../../helpers/needing.ts';
import { DEFAULT_UNIT_MATCH } from '../../../src/input/journal-file/default-unit-match.ts';
import { unitMatchFor } from '../../../src/input/journal-file/unit-match-for.ts';
import { analyseExport, analyseJournal, comparable, incompatibleFlags, journalctlExport, missingTools, sampleExport, tempDir, writeJournal } from './journal-tools.ts';
import { recompressJournal } from './recompress-journal.ts';

const maybe = needing(missingTools);

const LAYOUTS = [
  { name: 'default (compact, keyed hash, zstd)', env: {}, args: [], flags: 'COMPRESSED-ZSTD KEYED-HASH COMPACT' },
  { name: 'legacy (regular, jenkins hash, zstd)', env: { SYSTEMD_JOURNAL_COMPACT: '0', SYSTEMD_JOURNAL_KEYED_HASH: '0' }, args: [], flags: 'COMPRESSED-ZSTD' },
  { name: 'uncompressed', env: {}, args: ['--compress=no'], flags: 'KEYED-HASH COMPACT' },
] as const;
const SAMPLES = ['multi-host', 'glance-merged', 'coloured-json', 'failure', 'release-wordings'];

for (const layout of LAYOUTS) {
  maybe(`${layout.name}: the same volumes and counts as journalctl --file F -o export | clonewatch -`, async (t) => {
    const dir = tempDir();
    for (const sample of SAMPLES) {
      const f = join(dir, `${sample}.journal`);
      writeJournal(sampleExport(sample), f, layout.env, [...layout.args]);
      t.is(incompatibleFlags(f), layout.flags, `${sample}: systemd-journal-remote wrote the intended layout`);
      const viaJournalctl = await analyseExport(journalctlExport(['--file', f]));
      const native = await analyseJournal(f);
      t.true(viaJournalctl.volumes.length > 0, sample);
      t.deepEqual(comparable(native.volumes), comparable(viaJournalctl.volumes), sample);
      t.deepEqual(native.summary.volumes, viaJournalctl.summary.volumes, sample);
      t.deepEqual(native.images, viaJournalctl.images, sample);
      t.is(native.summary.inputs[0]?.format, 'journal');
      t.deepEqual(native.diagnostics, [], sample);
      // --all-units reads every entry: the same count as journalctl.
      const all = await analyseJournal(f, null);
      t.is(all.summary.lines.read, viaJournalctl.summary.lines.read, `${sample}: every entry`);
      t.deepEqual(comparable(all.volumes), comparable(viaJournalctl.volumes), sample);
    }
  });
}

maybe('the default selection reads only the analysed units, through the index: fewer entries, the same timelines', async (t) => {
  const f = join(tempDir(), 'j.journal');
  writeJournal(sampleExport('multi-host'), f);
  const picked = await analyseJournal(f, DEFAULT_UNIT_MATCH);
  const count = (args: string[]) => journalctlExport(['--file', f, ...args]).toString('latin1').split('__CURSOR=').length - 1;
  const expected = count(['-u', 'devstack@c-vol', '-u', 'devstack@g-api', '-u', 'devstack@c-api', '-u', 'devstack@c-sch']);
  t.is(picked.summary.lines.read, expected);
  t.true(picked.summary.lines.read < count([]));
});

maybe('-u takes journalctl unit names and globs', async (t) => {
  const f = join(tempDir(), 'j.journal');
  writeJournal(sampleExport('multi-host'), f, { SYSTEMD_JOURNAL_COMPACT: '0', SYSTEMD_JOURNAL_KEYED_HASH: '0' });
  for (const u of ['devstack@c-vol', 'devstack@c-*', 'devstack@?-api.service', 'no-such-unit']) {
    const n = journalctlExport(['--file', f, '-u', u]).toString('latin1').split('__CURSOR=').length - 1;
    const r = await analyseJournal(f, unitMatchFor([u]));
    t.is(r.summary.lines.read, n, u);
  }
});

maybe('a directory of rotated files (in a machine-id subdirectory, with an entry in two files): merged and de-duplicated as journalctl -D does', async (t) => {
  const root = tempDir();
  const dir = join(root, '3c4a1f0548b28c6181d3ad798a013032');
  mkdirSync(dir);
  const entries = sampleExport('glance-merged').toString('latin1').split('\n\n').filter((e) => e.length > 0);
  const third = Math.ceil(entries.length / 3);
  const part = (a: number, b: number) => Buffer.from(entries.slice(a, b).map((e) => `${e}\n\n`).join(''), 'latin1');
  writeJournal(part(0, third), join(dir, 'system@0001.journal'));
  writeJournal(part(third - 5, 2 * third), join(dir, 'system@0002.journal'), { SYSTEMD_JOURNAL_COMPACT: '0', SYSTEMD_JOURNAL_KEYED_HASH: '0' });
  writeJournal(part(2 * third, entries.length), join(dir, 'system.journal'));
  writeJournal(part(2 * third, 2 * third + 40), join(dir, 'user-1000.journal'), {}, ['--compress=no']);
  const viaJournalctl = await analyseExport(journalctlExport(['-D', dir]));
  for (const path of [root, dir]) {
    const native = await analyseJournal(path, null);
    t.is(native.summary.lines.read, viaJournalctl.summary.lines.read, `${path}: duplicates dropped like journalctl`);
    t.deepEqual(comparable(native.volumes), comparable(viaJournalctl.volumes));
    t.deepEqual(native.summary.volumes, viaJournalctl.summary.volumes);
  }
  const perFile = ['system@0001', 'system@0002', 'system', 'user-1000'].map((n) => journalctlExport(['--file', join(dir, `${n}.journal`)]).toString('latin1').split('__CURSOR=').length - 1);
  t.true(viaJournalctl.summary.lines.read <= perFile.reduce((a, b) => a + b) - 40, 'the entries written twice are shown once');
});

for (const [tool, args, ext] of [['gzip', ['-c'], 'gz'], ['xz', ['-c'], 'xz'], ['zstd', ['-c', '-q'], 'zst']] as const) {
  maybe(`a journal file inside .${ext} is recognised by its signature and read`, async (t) => {
    const dir = tempDir();
    const f = join(dir, 'j.journal');
    writeJournal(sampleExport('multi-host'), f);
    const packed = join(dir, `renamed.${ext}.bin`);
    writeFileSync(packed, execFileSync(tool, [...args, f], { maxBuffer: 1 << 30 }));
    const plain = await analyseJournal(f);
    const native = await analyseJournal(packed);
    t.is(native.summary.inputs[0]?.format, 'journal');
    t.deepEqual(comparable(native.volumes), comparable(plain.volumes));
    t.true(plain.volumes.length > 0);
  });
}

for (const kind of ['xz', 'lz4'] as const) {
  maybe(`${kind.toUpperCase()}-compressed DATA objects (written by the test writer with the real ${kind} command) read as journalctl reads them`, async (t) => {
    for (const layout of [LAYOUTS[2].env, { SYSTEMD_JOURNAL_COMPACT: '0', SYSTEMD_JOURNAL_KEYED_HASH: '0' }]) {
      const dir = tempDir();
      const f = join(dir, 'plain.journal');
      writeJournal(sampleExport('failure'), f, layout, ['--compress=no']);
      const { file, rewritten } = recompressJournal(readFileSync(f), kind, 60);
      t.true(rewritten >= 10, `${rewritten} objects rewritten`);
      const g = join(dir, `${kind}.journal`);
      writeFileSync(g, file);
      t.true(incompatibleFlags(g).includes(kind === 'xz' ? 'COMPRESSED-XZ' : 'COMPRESSED-LZ4'));
      // journalctl (liblzma / liblz4) reads the rewritten file back to the same export stream.
      const strip = (b: Buffer) => b.toString('latin1').replace(/^__CURSOR=.*\n/gm, '');
      t.is(strip(journalctlExport(['--file', g])), strip(journalctlExport(['--file', f])));
      const viaJournalctl = await analyseExport(journalctlExport(['--file', g]));
      const native = await analyseJournal(g, null);
      t.deepEqual(native.diagnostics, []);
      t.is(native.summary.lines.read, viaJournalctl.summary.lines.read);
      t.deepEqual(comparable(native.volumes), comparable(viaJournalctl.volumes));
      t.true(native.volumes.length > 0);
    }
  });
}

maybe('an unknown incompatible flag: that file is skipped with a diagnostic naming it and the flag, the others are read', async (t) => {
  const dir = tempDir();
  writeJournal(sampleExport('multi-host'), join(dir, 'good.journal'));
  copyFileSync(join(dir, 'good.journal'), join(dir, 'future.journal'));
  const b = readFileSync(join(dir, 'future.journal'));
  b.writeUInt32LE(b.readUInt32LE(12) | (1 << 5), 12);
  writeFileSync(join(dir, 'future.journal'), b);
  const good = await analyseJournal(join(dir, 'good.journal'));
  const r = await analyseJournal(dir);
  const d = r.diagnostics.find((x) => x.code === 'journal-unknown-flag');
  t.truthy(d);
  t.regex(d?.message ?? '', /future\.journal/);
  t.regex(d?.message ?? '', /bit 5 \(0x20\)/);
  t.deepEqual(comparable(r.volumes), comparable(good.volumes));
});

maybe('ONLINE (being written, or left so by a crash) and ARCHIVED files are read like OFFLINE ones', async (t) => {
  const dir = tempDir();
  const f = join(dir, 'offline.journal');
  writeJournal(sampleExport('multi-host'), f);
  const offline = await analyseJournal(f);
  for (const [state, name] of [[1, 'online'], [2, 'archived']] as const) {
    const b = readFileSync(f);
    b[16] = state;
    const g = join(dir, `${name}.journal`);
    writeFileSync(g, b);
    t.regex(execFileSync('journalctl', ['--header', '--file', g]).toString(), new RegExp(`State: ${name.toUpperCase()}`));
    const r = await analyseJournal(g);
    t.deepEqual(comparable(r.volumes), comparable(offline.volumes), name);
    t.deepEqual(r.diagnostics, []);
  }
});

maybe('zstd DATA objects whose frames do not declare their size (the real zstd command reading a pipe): read as the messages they hold', async (t) => {
  const dir = tempDir();
  const f = join(dir, 'plain.journal');
  writeJournal(sampleExport('failure'), f, {}, ['--compress=no']);
  const { file, rewritten } = recompressJournal(readFileSync(f), 'zstd-unsized', 60);
  t.true(rewritten >= 10, `${rewritten} objects rewritten`);
  const g = join(dir, 'zstd-unsized.journal');
  writeFileSync(g, file);
  const plain = await analyseJournal(f, null);
  const unsized = await analyseJournal(g, null);
  t.deepEqual(unsized.diagnostics, []);
  t.is(unsized.summary.lines.read, plain.summary.lines.read);
  t.deepEqual(comparable(unsized.volumes), comparable(plain.volumes));
  t.true(unsized.volumes.length > 0);
});
