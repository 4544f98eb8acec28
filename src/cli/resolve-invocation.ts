import type { z } from 'zod';
import { EXIT } from './exit-codes.ts';
import { resolveOptions, type ResolvedOptions } from './options.ts';

/** The command being run, and its own options when it has some (validated with the shared ones). */
export interface OwnOptions<T> {
  /** For the "Run clonewatch <name> --help" hint; null for the default command. */
  readonly command: string | null;
  readonly schema?: z.ZodType<T>;
}

/**
 * Validates a command's options (the shared ones, and the command's own when given) and its input
 * list (nothing given: stdin). On misuse writes every problem to stderr and returns the exit code.
 */
export function resolveInvocation<T = undefined>(files: readonly string[], raw: unknown, own: OwnOptions<T>): { options: ResolvedOptions; files: string[]; own: T } | number {
  const mine = own.schema?.safeParse(raw);
  const resolved = resolveOptions(raw);
  const errors = [...(mine?.success === false ? mine.error.issues.map((i) => i.message) : []), ...(resolved.ok ? [] : resolved.errors)];
  const usage = `Run "clonewatch ${own.command === null ? '' : `${own.command} `}--help" for usage.\n`;
  if (errors.length > 0 || !resolved.ok) {
    for (const m of errors) process.stderr.write(`clonewatch: error: ${m}\n`);
    process.stderr.write(usage);
    return EXIT.misuse;
  }
  const list = files.length > 0 ? [...files] : ['-'];
  if (list.filter((f) => f === '-').length > 1) {
    process.stderr.write(`clonewatch: error: stdin ("-") can be given only once\n${usage}`);
    return EXIT.misuse;
  }
  return { options: resolved.options, files: list, own: (mine?.success === true ? mine.data : undefined) as T };
}
