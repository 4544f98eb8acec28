import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const CLI = 'test/helpers/clonewatch';
const cliEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1', TZ: 'UTC', ...env });

/** clonewatch (from the sources: test/helpers/clonewatch) as a user runs it (no colour, UTC), stdin a pipe: the one place the tests start the CLI from. */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcessByStdio<Writable, Readable, Readable> {
  const child = spawn(CLI, args, { env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // the CLI may exit before it has read all of stdin (misuse, a signal)
  return child;
}

/** Its stdout, stderr and exit status once it ends. */
export function resultOf(child: ChildProcess): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the CLI to its end with `input` on stdin (none: closed at once), asynchronously so that tests run side by side. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input: string | Buffer = ''): Promise<CliResult> {
  const child = spawnCli(args, env);
  const result = resultOf(child);
  child.stdin.end(input);
  return result;
}

/** Runs the CLI to its end with stdin redirected from the file `path` (`clonewatch - < path`: a file, never followed). */
export function runCliOnStdinFile(args: readonly string[], path: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const fd = openSync(path, 'r');
  try {
    return resultOf(spawn(CLI, args, { env: cliEnv(env), stdio: [fd, 'pipe', 'pipe'] }));
  } finally {
    closeSync(fd); // the child has its own copy
  }
}
