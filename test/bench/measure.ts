import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  /** Wall-clock seconds. */
  readonly wall: number;
  /** CPU seconds of the command and its children (user + sys). */
  readonly cpu: number;
  /** Peak resident set size in bytes, from the OS (GNU time's %M: the largest process of the command). */
  readonly rss: number;
  readonly stdout: string;
  readonly status: number | null;
}

/** Runs `sh -c script` under GNU time (`/usr/bin/time`), stdout captured unless the script redirects it. */
export function measure(script: string, env: NodeJS.ProcessEnv = process.env): Measurement {
  const dir = mkdtempSync(join(tmpdir(), 'clonewatch-bench-'));
  const out = join(dir, 'time');
  try {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, 'sh', '-c', script], { env, maxBuffer: 1 << 26 });
    const [wall, user, sys, kb] = readFileSync(out, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    return { wall: wall ?? NaN, cpu: (user ?? NaN) + (sys ?? NaN), rss: (kb ?? NaN) * 1024, stdout: r.stdout.toString(), status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
