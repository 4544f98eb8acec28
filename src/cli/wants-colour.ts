import type { ResolvedOptions } from './options.ts';

/** `--color` / `--no-color`, else colour on a terminal stdout unless NO_COLOR is set. */
export function wantsColour(o: Pick<ResolvedOptions, 'color'>): boolean {
  return o.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
}
