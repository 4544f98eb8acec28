import { EXIT } from './exit-codes.ts';
import { resolveOptions, type ResolvedOptions } from './options.ts';

/**
 * Validates a command's options and input list (nothing given: stdin). On misuse writes every
 * problem to stderr and returns the exit code instead.
 */
export function resolveInvocation(files: readonly string[], raw: unknown): { options: ResolvedOptions; files: string[] } | number {
  const resolved = resolveOptions(raw);
  if (!resolved.ok) {
    for (const m of resolved.errors) process.stderr.write(`clonewatch: error: ${m}\n`);
    process.stderr.write('Run "clonewatch --help" for usage.\n');
    return EXIT.misuse;
  }
  const list = files.length > 0 ? [...files] : ['-'];
  if (list.filter((f) => f === '-').length > 1) {
    process.stderr.write('clonewatch: error: stdin ("-") can be given only once\n');
    return EXIT.misuse;
  }
  return { options: resolved.options, files: list };
}
