import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_HINT } from './run-tool.ts';

export interface RunningPrometheus {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  /** What Prometheus wrote to stderr so far (its log), for failure messages. */
  log(): string;
  /** Whether it has exited (and the exit code or signal). */
  exited(): string | null;
  stop(): Promise<void>;
}

/** A free loopback port: listen on port 0, note the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? resolve(a.port) : reject(new Error('No port'))));
    });
  });
}

/**
 * Starts a private Prometheus on loopback scraping `targets` (host:port, one or several) every second,
 * with contrib/prometheus.yml's `host` relabel, its own config and TSDB in a temporary directory
 * (never the Debian service or its data).
 */
export async function startPrometheus(
  targets: string | readonly string[],
  binary = process.env['PROMETHEUS'] ?? 'prometheus',
): Promise<RunningPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'clonewatch-prometheus-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    'scrape_configs:',
    '  - job_name: clonewatch',
    '    static_configs:',
    `      - targets: [${(typeof targets === 'string' ? [targets] : targets).map((t) => `'${t}'`).join(', ')}]`,
    '    relabel_configs:',
    '      - source_labels: [__address__]',
    "        regex: '(.+):\\d+'",
    '        target_label: host',
    "        replacement: '$1'",
    '',
  ].join('\n');
  await writeFile(join(dir, 'prometheus.yml'), config);
  const port = await freePort();
  const child = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  let exit: string | null = null;
  child.stderr.setEncoding('utf8').on('data', (d: string) => (log = (log + d).slice(-8000)));
  const ended = new Promise<void>((resolve) => child.on('close', (code, signal) => ((exit = `code ${code} signal ${signal}`), resolve())));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new Error(`Cannot run ${binary}: not found. ${INSTALL_HINT}`) : e));
  });
  try {
    await spawned;
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    exited: () => exit,
    async stop() {
      if (exit === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await ended;
        clearTimeout(killer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
