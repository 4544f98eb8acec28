import { spawn } from 'node:child_process';
import { missingProgram } from '../helpers/missing-program.ts';
import { needing } from '../helpers/needing.ts';

export interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `test` for tests that run promtool: a skip saying what to install where Debian's `prometheus` package is missing. */
export const promtoolTest = needing(missingProgram('promtool', 'prometheus'));

/** `test` for tests that run Prometheus itself ($PROMETHEUS, else `prometheus` on PATH) and promtool. */
export const prometheusTest = needing(missingProgram(process.env['PROMETHEUS'] ?? 'prometheus', 'prometheus') ?? missingProgram('promtool', 'prometheus'));

export const INSTALL_HINT =
  'Install Prometheus and promtool with `apt-get install -y --no-install-recommends prometheus` (Debian/Ubuntu)';

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
