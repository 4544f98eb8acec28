import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingProgram } from '../helpers/missing-program.ts';
import { needing } from '../helpers/needing.ts';

/** `test` for tests measured under GNU time: a skip saying what to install where it is missing. */
export const timedTest = needing(missingProgram('/usr/bin/time', 'time'));

/** Root reads any file; run through util-linux's setpriv without these capabilities, it is refused like anyone. */
const DROP_DAC = ['--bounding-set=-dac_override,-dac_read_search', '--'];

/**
 * Null when a file's permissions can be made to refuse clonewatch here: always for an ordinary
 * user; for root only where setpriv may drop the capabilities above (the container allows it).
 */
export const cannotRefuseRoot = (): string | null =>
  process.getuid?.() !== 0 || spawnSync('setpriv', [...DROP_DAC, 'true']).status === 0
    ? null
    : 'setpriv from util-linux, able to drop CAP_DAC_OVERRIDE (root reads every file otherwise), or run the tests as an ordinary user';

export interface Measured {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of clonewatch (from the sources, bundled: test/helpers/clonewatch), in MiB (GNU time's "Maximum resident set size"). */
  readonly peakMiB: number;
  readonly seconds: number;
  /** CPU time (user + system) of clonewatch: unlike wall time, the same on a busy machine. */
  readonly cpuSeconds: number;
}

/**
 * Runs clonewatch (test/helpers/clonewatch) under GNU time (`/usr/bin/time -v`, Debian package `time`) and returns its
 * output with its peak memory. Asynchronous, so that ava's other tests and the writer of a FIFO run meanwhile.
 */
export function measure(args: readonly string[], o: { input?: Buffer; refuseRoot?: boolean; heapMiB?: number } = {}): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'clonewatch-time-'));
  const report = join(dir, 'time.txt');
  const started = Date.now();
  // refuseRoot: as root, clonewatch runs without the capabilities that bypass file permissions.
  const timed = ['-v', '-o', report, 'test/helpers/clonewatch', ...args];
  const [command, commandArgs] = o.refuseRoot === true && process.getuid?.() === 0 ? ['setpriv', [...DROP_DAC, '/usr/bin/time', ...timed]] : ['/usr/bin/time', timed];
  const child = spawn(command, commandArgs, {
    // heapMiB caps V8's old space: the run dies of "heap out of memory" if what it keeps grows past it.
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', ...(o.heapMiB !== undefined ? { NODE_OPTIONS: `--max-old-space-size=${o.heapMiB}` } : {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => {});
  child.stdin.end(o.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const text = readFileSync(report, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN);
      const cpu = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(text)?.[1] ?? NaN);
      resolve({ status, stdout, stderr, peakMiB: kb / 1024, seconds: (Date.now() - started) / 1000, cpuSeconds: cpu('User') + cpu('System') });
    });
  });
}

export interface JsonRecord {
  kind: string;
  volumeId?: string | null;
  status?: string;
  lines?: Record<string, number>;
  inputs?: { name: string; format: string | null; read: number; error: string | null }[];
}

/** The NDJSON records of `--json` output (every line must parse). */
export const records = (stdout: string): JsonRecord[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JsonRecord);

export const volumeIds = (stdout: string) =>
  records(stdout)
    .filter((r) => r.kind === 'volume')
    .map((r) => r.volumeId);
