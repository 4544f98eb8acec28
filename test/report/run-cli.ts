import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** clonewatch (from the sources: test/helpers/clonewatch) as a user runs it (no colour, UTC), stdin a pipe: the one place the tests start the CLI from. */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcessByStdio<Writable, Readable, Readable> {
  const child = spawn('test/helpers/clonewatch', args, { env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // the CLI may exit before it has read all of stdin (misuse, a signal)
  return child;
}

/** Runs the CLI to its end with `input` on stdin (none: closed at once), asynchronously so that tests run side by side. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input: string | Buffer = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}
