import { spawn } from 'node:child_process';

export interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Set to 1 to skip the promtool / Prometheus tests on a machine without Debian's `prometheus` package. */
export const SKIP_PROMETHEUS = process.env['CLONEWATCH_SKIP_PROMETHEUS'] === '1';

export const INSTALL_HINT =
  'Install Prometheus and promtool with `apt-get install -y --no-install-recommends prometheus` (Debian/Ubuntu), ' +
  'or set CLONEWATCH_SKIP_PROMETHEUS=1 to skip these tests';

/** Runs a program to its end with optional stdin; a missing program is an Error that says how to install it. */
export function runTool(program: string, args: readonly string[], input?: string, timeoutMs = 20_000): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new Error(`Cannot run ${program}: not found. ${INSTALL_HINT}`) : e),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the tool may exit before reading everything; its exit code says why
    child.stdin.end(input ?? '');
  });
}
