import test from 'ava';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The one test of the built CLI. Every other test runs the sources (test/helpers/clonewatch, bundled;
// here test/helpers/clonewatch-tsx, unbundled through tsx). Here
// the package's own "build" script (what `npm ci` runs on prepare) builds an install in a temporary
// directory: bin/clonewatch, dist/cli/clonewatch.mjs (and its worker entry), package.json and the dependencies. Its answers
// must be byte for byte those of the sources, and running it must write nothing into the install.

const ROOT = process.cwd();
const SOURCES = 'test/helpers/clonewatch-tsx';
const SAMPLES = ['samples/multi-host/journal.json', 'samples/failure/journal.json'].map((f) => resolve(f));
const RUNS: readonly (readonly string[])[] = [
  ['--tz', 'UTC', ...SAMPLES],
  ['--json', '--tz', 'UTC', ...SAMPLES],
  ['report', '--tz', 'UTC', ...SAMPLES],
  ['images', '--json', '--tz', 'UTC', ...SAMPLES],
  // Two files: each read by a worker thread (dist/cli/range-worker.mjs beside the bundle).
  ['--jobs', '2', '--json', '--tz', 'UTC', ...SAMPLES],
  ['--jobs', '2', '--tz', 'UTC', ...SAMPLES],
  ['--version'],
  ['--no-such-option'],
  ['/no/such/file.log'],
];

const install = mkdtempSync(join(tmpdir(), 'clonewatch-install-'));
test.after.always(() => rmSync(install, { recursive: true, force: true }));
mkdirSync(join(install, 'bin'));
copyFileSync('bin/clonewatch', join(install, 'bin', 'clonewatch'));
copyFileSync('package.json', join(install, 'package.json'));
symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'));
const BIN = join(install, 'bin', 'clonewatch');

const run = (command: string, args: readonly string[]) =>
  spawnSync(command, args, { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });

/** Every file of the install but the dependencies, with its size and modification time. */
const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('node_modules'))
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    })
    .sort();

test.serial('without a build, bin/clonewatch says what to run and exits 1', (t) => {
  const r = run(BIN, ['--version']);
  t.is(r.status, 1);
  t.is(r.stdout, '');
  t.regex(r.stderr, /^clonewatch: error: Build clonewatch first: run "npm ci" \(or "npm run build"\) in .*: ".*dist\/cli\/clonewatch\.mjs" does not exist\n$/);
});

test.serial('the built bin/clonewatch answers byte for byte as the sources do, and writes nothing', (t) => {
  const build = spawnSync('npm', ['run', '--silent', 'build', '--', `--outdir=${join(install, 'dist', 'cli')}`], { encoding: 'utf8' });
  t.is(build.status, 0, build.stderr);
  const before = listing(install);
  t.true(before.some((f) => f.startsWith('dist/cli/clonewatch.mjs ')), before.join('\n'));
  t.true(before.some((f) => f.startsWith('dist/cli/range-worker.mjs ')), before.join('\n'));
  for (const args of RUNS) {
    const built = run(BIN, args);
    const sources = run(SOURCES, args);
    const what = `clonewatch ${args.join(' ')}`;
    t.is(built.status, sources.status, what);
    t.is(built.stdout, sources.stdout, what);
    t.is(built.stderr, sources.stderr, what);
  }
  t.regex(run(BIN, ['--json', '--tz', 'UTC', ...SAMPLES]).stdout, /"kind":"volume"/, 'the sample has volumes');
  t.is(run(BIN, ['--version']).stdout, `${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`);
  t.deepEqual(listing(install), before, 'nothing was written into the install');
});

// A stale or missing dist/ must never decide a test: only this file may run bin/clonewatch.
test('no other test runs bin/clonewatch', (t) => {
  const offenders = readdirSync('test', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('bench/') && f !== 'bin-clonewatch.test.ts')
    .filter((f) => /['"`]bin\/clonewatch/.test(readFileSync(join('test', f), 'utf8')));
  t.deepEqual(offenders, []);
});
