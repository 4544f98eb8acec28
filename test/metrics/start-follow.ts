import { spawn } from 'node:child_process';

export interface RunningFollow {
  /** The exporter's /metrics URL, once clonewatch has said where it listens. */
  readonly url: Promise<string>;
  write(s: string): boolean;
  /** The NDJSON records it wrote to stdout so far. */
  records(): { kind: string; provisioning?: string }[];
  /** Ends its stdin and resolves with its exit code. */
  end(): Promise<number | null>;
  kill(): void;
}

/** `clonewatch follow --json --metrics-port 0` as a child (plus `args`, e.g. `--metrics-host 127.0.0.2`). */
export function startFollow(args: readonly string[] = []): RunningFollow {
  const child = spawn('test/helpers/clonewatch', ['follow', '--json', '--metrics-port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {});
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /Prometheus metrics at (http:\S+)/.exec(stderr);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once('close', (code) => reject(new Error(`clonewatch exited (${code}) before serving metrics: ${stderr}`)));
  });
  url.catch(() => {}); // a caller that never awaits url must not see an unhandled rejection at exit
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    url,
    write: (s) => child.stdin.write(s),
    records: () => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { kind: string; provisioning?: string }),
    async end() {
      child.stdin.end();
      return closed;
    },
    kill: () => child.kill('SIGKILL'),
  };
}
