import test, { type ExecutionContext } from 'ava';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { runCli, spawnCli, type CliResult } from './report/run-cli.ts';

// Every command that reads logs × every shared option (src/cli/with-analyse-options.ts): the option
// does the same in every command, since they all leave through one consumer of the analysis
// (src/cli/consume-analysis.ts), or the command's --help says how it differs. Real runs of
// bin/clonewatch on the bundled samples; `follow` reads the same input on stdin.

type Command = 'default' | 'follow' | 'report' | 'throughput' | 'images';
const COMMANDS: readonly Command[] = ['default', 'follow', 'report', 'throughput', 'images'];
/** throughput groups by hour, so that it prints times too (--tz, --year). */
const ARGV: Record<Command, readonly string[]> = { default: [], follow: ['follow'], report: ['report'], throughput: ['throughput', '--by', 'hour'], images: ['images'] };

/** 6 volumes on cvol-a and cvol-b (4 clones or copies of one image), 2 images written by glance on ctrl-1. */
const GLANCE = 'samples/glance-merged/journal.short-precise.txt';
const GLANCE_LINES = readFileSync(GLANCE, 'utf8').trimEnd().split('\n').length;
/** The same as a JSON journal (times with a zone). */
const GLANCE_JSON = 'samples/glance-merged/journal.json';
/** 3 clones and 3 copies of about 100 s, at the same time. */
const MULTI = 'samples/multi-host/journal.short-precise.txt';

const dir = mkdtempSync(join(tmpdir(), 'clonewatch-options-'));
/** GLANCE_JSON with a line cut in half every 50 lines. */
const JUNK = join(dir, 'junk.json');
writeFileSync(JUNK, readFileSync(GLANCE_JSON, 'utf8').trimEnd().split('\n').flatMap((l, i) => (i % 50 === 25 ? [l, '{"MESSAGE": "cut in half'] : [l])).join('\n') + '\n');
/** GLANCE gzipped, then a member that expands 70 MiB from a few hundred KiB (past the 64 MiB floor of the ratio check). */
const BOMB = join(dir, 'bomb.log.gz');
writeFileSync(BOMB, Buffer.concat([gzipSync(readFileSync(GLANCE)), gzipSync(Buffer.alloc(70 * 1024 * 1024, 0x41), { level: 1 })]));

// The machine is shared: at most a few CLIs at once.
const MAX_RUNNING = 3;
let running = 0;
const queue: (() => void)[] = [];
async function limited<T>(f: () => Promise<T>): Promise<T> {
  while (running >= MAX_RUNNING) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await f();
  } finally {
    running--;
    queue.shift()?.();
  }
}

/** One command over the inputs: as file arguments, or for `follow` the one input on stdin. */
function run(cmd: Command, args: readonly string[], inputs: readonly string[]): Promise<CliResult> {
  if (cmd !== 'follow') return limited(() => runCli([...ARGV[cmd], ...args, ...inputs]));
  if (inputs.length > 1) throw new Error('follow reads one input, on stdin');
  return limited(() => runCli([...ARGV[cmd], ...args], {}, inputs[0] === undefined ? '' : readFileSync(inputs[0])));
}

interface Volume {
  readonly kind: string;
  readonly volumeId: string;
  readonly host: string | null;
  readonly imageName: string | null;
  readonly status: string;
  readonly provisioning: string | null;
  readonly start: string | null;
  readonly end: string | null;
}
const jsonLines = (stdout: string) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1) ?? '';

/** How many volumes a command's --json output counts (throughput: its downloads, one per succeeded copy here). */
const COUNTED: Record<Command, (stdout: string) => number> = {
  default: (s) => jsonLines(s).filter((r) => r['kind'] === 'volume').length,
  follow: (s) => COUNTED.default(s),
  report: (s) => (JSON.parse(lastLine(s)) as { volumes: { total: number } }).volumes.total,
  throughput: (s) => (JSON.parse(lastLine(s)) as { overall: { metric: string; count: number }[] }).overall.find((r) => r.metric === 'download')?.count ?? 0,
  images: (s) => {
    const images = jsonLines(s) as unknown as { imageId: string; volumes: { clone: number; copy: number } }[];
    // After SIGHUP the images are printed twice: count each image once (its last record).
    return [...new Map(images.map((i) => [i.imageId, i.volumes])).values()].reduce((n, v) => n + v.clone + v.copy, 0);
  },
};
/** What COUNTED must be for these volumes (the default command's records). */
const EXPECTED: Record<Command, (kept: readonly Volume[]) => number> = {
  default: (v) => v.length,
  follow: (v) => v.length,
  report: (v) => v.length,
  throughput: (v) => v.filter((x) => x.status === 'succeeded' && x.provisioning === 'copy').length,
  images: (v) => v.filter((x) => x.status === 'succeeded' && (x.provisioning === 'clone' || x.provisioning === 'copy')).length,
};
/** How many times the command printed its output for the state of the run (the end; SIGHUP adds one). */
const STATES: Record<Command, (stdout: string) => number> = {
  default: (s) => jsonLines(s).filter((r) => r['kind'] === 'summary').length,
  follow: (s) => STATES.default(s),
  report: (s) => jsonLines(s).filter((r) => r['kind'] === 'report').length,
  throughput: (s) => jsonLines(s).filter((r) => r['kind'] === 'throughput').length,
  images: (s) => {
    const ids = jsonLines(s).map((r) => r['imageId']);
    return ids.filter((id) => id === ids[0]).length;
  },
};

/** The volumes of GLANCE, unfiltered, as the default command reports them (the first run, so no cell holds a slot waiting for it). */
const reference = run('default', ['--json'], [GLANCE]).then((r) => jsonLines(r.stdout).filter((x) => x['kind'] === 'volume') as unknown as Volume[]);
const allVolumes = () => reference;

/** Times printed, as `YYYY-MM-DD HH` in the output's zone, with the offsets of ISO timestamps. */
function timesShown(stdout: string): { hours: string[]; offsets: string[] } {
  const hours: string[] = [];
  const offsets: string[] = [];
  for (const m of stdout.matchAll(/"(\d{4}-\d\d-\d\d)T(\d\d):\d\d:\d\d(?:\.\d+)?([+-]\d\d:\d\d|Z)"/g)) {
    hours.push(`${m[1]} ${m[2]}`);
    offsets.push(m[3] ?? '');
  }
  for (const m of stdout.matchAll(/"hour":"(\d{4}-\d\d-\d\d) (\d\d):00"/g)) hours.push(`${m[1]} ${m[2]}`);
  return { hours, offsets };
}

/** The hint a misuse of this command ends with. */
const usageHint = (cmd: Command) => `Run "clonewatch ${cmd === 'default' ? '' : `${cmd} `}--help" for usage.`;
/** For the commands that read files: `follow` reads stdin only, and its --help says so. */
const STDIN_ONLY = { follow: /Reads stdin only \(no FILE arguments/ };

interface Row {
  readonly option: string;
  readonly args: readonly string[];
  readonly inputs: readonly string[];
  /** Where the option deliberately differs: what the command's --help says instead. */
  readonly differs?: Partial<Record<Command, RegExp>>;
  check(t: ExecutionContext, r: CliResult, cmd: Command): void | Promise<void>;
}

const filterRow = (option: string, args: readonly string[], keep: (v: Volume) => boolean, some: boolean): Row => ({
  option,
  args: ['--json', ...args],
  inputs: [GLANCE],
  async check(t, r, cmd) {
    const all = await allVolumes();
    const kept = all.filter(keep);
    t.true(some ? kept.length > 0 && kept.length < all.length : kept.length === 0, 'the row filters something');
    t.is(r.status, 0, r.stderr);
    t.is(COUNTED[cmd](r.stdout), EXPECTED[cmd](kept));
  },
});

const ROWS: readonly Row[] = [
  {
    option: 'no option but --strict, on a clean input',
    args: ['--strict'],
    inputs: [GLANCE],
    check(t, r) {
      t.is(r.status, 0);
      t.is(r.stderr, '', 'nothing to say');
      t.true(r.stdout.length > 0 && !r.stdout.trimStart().startsWith('{'), 'human output');
      t.false(r.stdout.includes('\u001b'), 'no colour with NO_COLOR');
    },
  },
  {
    option: '--json',
    args: ['--json'],
    inputs: [GLANCE],
    async check(t, r, cmd) {
      t.is(r.status, 0);
      t.notThrows(() => jsonLines(r.stdout), 'every line is JSON');
      t.is(COUNTED[cmd](r.stdout), EXPECTED[cmd](await allVolumes()));
      t.is(STATES[cmd](r.stdout), 1);
    },
  },
  {
    option: '--tz (output zone)',
    args: ['--json', '--tz', 'Asia/Kolkata'],
    inputs: [GLANCE_JSON],
    check(t, r) {
      t.is(r.status, 0);
      const { hours, offsets } = timesShown(r.stdout);
      t.true(hours.length > 0, 'prints times');
      // 14:0x UTC is 19:3x in Kolkata.
      t.deepEqual([...new Set(hours)], ['2026-03-27 19']);
      t.true(offsets.every((o) => o === '+05:30'), offsets.join(' '));
    },
  },
  {
    option: '--year (yearless input)',
    args: ['--json', '--year', '2025'],
    inputs: [GLANCE],
    check(t, r) {
      t.is(r.status, 0);
      const { hours } = timesShown(r.stdout);
      t.true(hours.length > 0 && hours.every((h) => h.startsWith('2025-03-27')), hours.join(' '));
    },
  },
  {
    option: '--color',
    args: ['--color'],
    inputs: [GLANCE],
    check(t, r) {
      t.is(r.status, 0);
      t.true(r.stdout.includes('\u001b['), 'colour although NO_COLOR is set');
    },
  },
  {
    option: '--input-format (forced)',
    args: ['--json', '--input-format', 'json'],
    inputs: [GLANCE],
    check(t, r, cmd) {
      t.is(r.status, 0);
      t.regex(r.stderr, /warning: Skipped an entry that is not valid JSON/);
      t.is(COUNTED[cmd](r.stdout), 0);
    },
  },
  {
    option: '--max-gzip-ratio',
    args: ['--json', '--max-gzip-ratio', '50'],
    inputs: [BOMB],
    async check(t, r, cmd) {
      t.is(r.status, 1);
      t.regex(r.stderr, /error: Check the input: reading ".*" stopped early: .*decompression bomb; the limit is --max-gzip-ratio 50/);
      t.is(COUNTED[cmd](r.stdout), EXPECTED[cmd](await allVolumes()), 'what was read before is analysed');
    },
  },
  {
    option: '--strict, malformed lines',
    args: ['--json', '--strict'],
    inputs: [JUNK],
    async check(t, r, cmd) {
      t.is(r.status, 1);
      t.regex(r.stderr, /clonewatch: warning: .*\(at .+:\d+\)$/m);
      t.is(COUNTED[cmd](r.stdout), EXPECTED[cmd](await allVolumes()), 'the rest is analysed');
    },
  },
  {
    option: '--strict, --idle-timeout (incomplete flows)',
    args: ['--json', '--strict', '--idle-timeout', '30s'],
    inputs: [MULTI],
    check(t, r) {
      t.is(r.status, 1, 'the ~100 s copies are incomplete after 30 s without a line');
      t.is(r.stderr, '');
      t.true(r.stdout.length > 0);
    },
  },
  {
    option: '--max-open, --diagnostics',
    args: ['--json', '--max-open', '1', '--diagnostics', '2'],
    inputs: [MULTI],
    check(t, r) {
      t.is(r.status, 0);
      t.regex(r.stderr, /clonewatch: warning: Raise --max-open to keep more flows: 1 flows were open at once/);
      t.is([...r.stderr.matchAll(/clonewatch: info: Not recognised: /g)].length, 2);
    },
  },
  filterRow('--host (no such host)', ['--host', 'nosuchhost'], () => false, false),
  filterRow('--host', ['--host', 'cvol-b'], (v) => v.host === 'cvol-b', true),
  filterRow(
    '--since/--until',
    ['--since', '2026-03-27 14:04', '--until', '2026-03-27T14:06:25'],
    (v) => Date.parse(v.end ?? '') >= Date.parse('2026-03-27T14:04:00Z') && Date.parse(v.start ?? '') <= Date.parse('2026-03-27T14:06:25Z'),
    true,
  ),
  filterRow('--volume, --image', ['--volume', 'fb84f56f', '--image', 'cirros-0.6.3-x86_64-raw'], (v) => v.volumeId.startsWith('fb84f56f') && v.imageName === 'cirros-0.6.3-x86_64-raw', true),
  {
    option: 'an input that cannot be read',
    args: ['--json'],
    inputs: ['no/such/file.log', GLANCE],
    differs: STDIN_ONLY,
    async check(t, r, cmd) {
      t.is(r.status, 1);
      t.regex(r.stderr, /clonewatch: error: .*"no\/such\/file.log" does not exist/);
      t.is(COUNTED[cmd](r.stdout), EXPECTED[cmd](await allVolumes()), 'the other input is analysed');
    },
  },
  {
    option: 'stdin given twice',
    args: ['-', '-'],
    inputs: [],
    differs: STDIN_ONLY,
    check(t, r, cmd) {
      t.is(r.status, 2);
      t.regex(r.stderr, /stdin \("-"\) can be given only once/);
      t.true(r.stderr.includes(usageHint(cmd)), r.stderr);
    },
  },
  {
    option: 'a bad option value',
    args: ['--year', '26', '--max-open', '0', '--jobs', '0'],
    inputs: [GLANCE],
    check(t, r, cmd) {
      t.is(r.status, 2);
      t.regex(r.stderr, /--year takes a four-digit year/);
      t.regex(r.stderr, /--max-open takes a positive whole number/);
      t.regex(r.stderr, /--jobs takes a positive whole number of threads/);
      t.true(r.stderr.includes(usageHint(cmd)), r.stderr);
      t.is(r.stdout, '');
    },
  },
  {
    option: 'an unknown option',
    args: ['--frobnicate'],
    inputs: [GLANCE],
    check(t, r, cmd) {
      t.is(r.status, 2);
      t.regex(r.stderr, /unknown option '--frobnicate'/);
      t.true(r.stderr.includes(usageHint(cmd)), r.stderr);
      t.is(r.stdout, '');
    },
  },
];

const cell = test.macro({
  async exec(t, row: Row, cmd: Command) {
    const differs = row.differs?.[cmd];
    if (differs !== undefined) {
      t.regex((await run(cmd, ['--help'], [])).stdout, differs);
      return;
    }
    await row.check(t, await run(cmd, row.args, row.inputs), cmd);
  },
  title: (_, row: Row, cmd: Command) => `${row.option} › ${cmd}`,
});

for (const row of ROWS) for (const cmd of COMMANDS) test(cell, row, cmd);

// With stdin a pipe that stays open (journalctl -f | clonewatch …): the exporter answers while the
// input is read, and the signals end or report the run, the same for every command.
type Ending = 'SIGHUP, then the end of input' | 'SIGINT' | 'SIGTERM';
const EXIT_OF: Record<Ending, number> = { 'SIGHUP, then the end of input': 0, SIGINT: 130, SIGTERM: 143 };

async function metric(url: string, name: string): Promise<number> {
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(url)).text());
  return Number(m?.[1] ?? -1);
}

const live = test.macro({
  async exec(t, ending: Ending, cmd: Command) {
    await limited(async () => {
      const child = spawnCli([...ARGV[cmd], '--json', '--metrics-port', '0']);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      // A readiness wait, not a timing assertion: on a machine shared with other builds the CLI
      // took 7-13 s to start (a bare --version 6 s at load 50), so allow a minute.
      const until = async (what: string, ok: () => boolean | Promise<boolean>) => {
        for (let i = 0; i < 1200; i++) {
          if (await ok()) return;
          await sleep(50);
        }
        throw new Error(`waited 60 s for ${what}; stderr: ${stderr}`);
      };
      try {
        await until('the exporter', () => /metrics at http:/.test(stderr));
        const url = /metrics at (\S+)/.exec(stderr)?.[1] ?? '';
        child.stdin.write(readFileSync(GLANCE));
        await until('every line to be read', async () => (await metric(url, 'clonewatch_lines_read_total')) === GLANCE_LINES);
        t.pass('the metrics endpoint answers and follows the input');
        if (ending === 'SIGHUP, then the end of input') {
          child.kill('SIGHUP');
          await until('the output so far', () => STATES[cmd](stdout) === 1);
          child.stdin.end();
        } else child.kill(ending);
        t.is(await closed, EXIT_OF[ending], stderr);
        t.is(STATES[cmd](stdout), ending === 'SIGHUP, then the end of input' ? 2 : 1, 'the output (so far, then at the end)');
        t.is(COUNTED[cmd](stdout), EXPECTED[cmd](await allVolumes()), 'what was read is analysed');
      } finally {
        child.kill('SIGKILL');
      }
    });
  },
  title: (_, ending: Ending, cmd: Command) => `--metrics-port, stdin open, ${ending} › ${cmd}`,
});

for (const ending of Object.keys(EXIT_OF) as Ending[]) for (const cmd of COMMANDS) test(live, ending, cmd);

test('throughput --merge reads summaries, not logs: an option about reading logs is a misuse', async (t) => {
  const r = await run('throughput', ['--merge', '--host', 'cvol-a', '--strict'], ['no-need-to-exist.json']);
  t.is(r.status, 2);
  t.regex(r.stderr, /clonewatch: error: --strict, --host apply to reading logs, not to --merge/);
  t.true(r.stderr.includes(usageHint('throughput')));
});
