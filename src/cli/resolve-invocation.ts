import type { z } from 'zod';
import { EXIT } from './exit-codes.ts';
import { resolveOptions, type ResolvedOptions } from './options.ts';

/** A subcommand's own options, validated with the shared ones (every problem reported at once). */
export interface OwnOptions<T> {
  /** The subcommand, for the "Run clonewatch <name> --help" hint. */
  readonly command: string;
  readonly schema: z.ZodType<T>;
}

/**
 * Validates a command's options (the shared ones, and the subcommand's own when given) and its input
 * list (nothing given: stdin). On misuse writes every problem to stderr and returns the exit code.
 */
export function resolveInvocation(files: readonly string[], raw: unknown): { options: ResolvedOptions; files: string[]; own: undefined } | number;
export function resolveInvocation<T>(files: readonly string[], raw: unknown, own: OwnOptions<T>): { options: ResolvedOptions; files: string[]; own: T } | number;
export function resolveInvocation<T>(files: readonly string[], raw: unknown, own?: OwnOptions<T>): { options: ResolvedOptions; files: string[]; own: T | undefined } | number {
  const mine = own?.schema.safeParse(raw);
  const resolved = resolveOptions(raw);
  const errors = [...(mine?.success === false ? mine.error.issues.map((i) => i.message) : []), ...(resolved.ok ? [] : resolved.errors)];
  if (errors.length > 0 || !resolved.ok) {
    for (const m of errors) process.stderr.write(`clonewatch: error: ${m}\n`);
    process.stderr.write(`Run "clonewatch ${own === undefined ? '' : `${own.command} `}--help" for usage.\n`);
    return EXIT.misuse;
  }
  const list = files.length > 0 ? [...files] : ['-'];
  if (list.filter((f) => f === '-').length > 1) {
    process.stderr.write('clonewatch: error: stdin ("-") can be given only once\n');
    return EXIT.misuse;
  }
  return { options: resolved.options, files: list, own: mine?.success === true ? mine.data : undefined };
}
