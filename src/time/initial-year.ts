import { tz } from '@date-fns/tz';
import { getMonth } from 'date-fns/getMonth';
import { getYear } from 'date-fns/getYear';

export interface InitialYearOptions {
  /** `--year`, when given: always wins. */
  readonly explicitYear?: number | undefined;
  /** The input file's modification time (epoch ms), when it is a file. */
  readonly mtimeMs?: number | undefined;
  /** Month (1-12) of the input's first timestamp, when known. */
  readonly firstMonth?: number | null | undefined;
  /** The year "now", supplied by the caller (the core never reads the clock). */
  readonly currentYear: number;
  /** Zone the mtime is read in; default `'local'`. */
  readonly zone?: string | undefined;
}

/**
 * The year to assume for the first line of a yearless input: the explicit year; else the mtime's
 * year, minus one when the first month is after the mtime's month (the log started last year);
 * else the current year.
 */
export function initialYear(opts: InitialYearOptions): number {
  if (opts.explicitYear !== undefined) return opts.explicitYear;
  if (opts.mtimeMs !== undefined && Number.isFinite(opts.mtimeMs)) {
    const zone = opts.zone ?? 'local';
    const inZone = zone === 'local' ? {} : { in: tz(zone) };
    const year = getYear(opts.mtimeMs, inZone);
    const first = opts.firstMonth;
    if (first !== undefined && first !== null && first > getMonth(opts.mtimeMs, inZone) + 1) return year - 1;
    return year;
  }
  return opts.currentYear;
}
