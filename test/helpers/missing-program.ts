import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

const runnable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Null when `program` (a name looked up in PATH, or a path) can be run here; otherwise what is
 * missing and how to install it, for needing().
 */
export function missingProgram(program: string, debianPackages: string): string | null {
  const candidates = program.includes('/') ? [program] : (process.env['PATH'] ?? '').split(':').filter((d) => d !== '').map((d) => join(d, program));
  return candidates.some(runnable) ? null : `${program}, not installed (apt-get install ${debianPackages})`;
}
