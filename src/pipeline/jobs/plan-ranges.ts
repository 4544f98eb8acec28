import type { FileHandle } from 'node:fs/promises';
import type { InputFormat } from '../../model/log-record.ts';
import { monthNumber } from '../../time/month-number.ts';

/** Formats whose records can be cut at a line (the rest are read on one thread). */
export const CUTTABLE: ReadonlySet<InputFormat> = new Set(['short', 'short-precise', 'short-iso', 'short-iso-precise', 'short-full', 'with-unit', 'short-unix', 'oslo', 'json', 'json-seq', 'json-sse']);

/** One range of a file: it starts at a line start; [start, seamEnd) is its head seam; `year` for yearless formats. */
export interface Range {
  readonly start: number;
  readonly seamEnd: number;
  readonly end: number;
  readonly year: number;
}

export interface PlanOptions {
  readonly format: InputFormat;
  readonly size: number;
  /** About how long a range is (the last one may be shorter). */
  readonly rangeBytes: number;
  /** About how long a head seam is. */
  readonly seamBytes: number;
  /** The year of the file's first line (initialYear, from the head), and its month (0 unknown). */
  readonly year: number;
  readonly month: number;
}

/** How far past a target a cut is looked for, and how far before it the previous lines are looked at. */
const AHEAD = 64 * 1024;
const BEHIND = 4096;

/**
 * Whether a range may start at `line` (`before`: the text before it in the file, from a line start).
 * short*: not a continuation line nor a blank one; yearless short: a month name, the same month as
 * the line before it, and not a December line after a January one (the year tracker treats a lone
 * December line after January as last year's without moving: a range starting there would not know);
 * oslo: a header line (a digit first); json: any non-blank line. The seam check makes any cut right;
 * these keep it from failing.
 */
function canStartAt(format: InputFormat, line: string, before: string): boolean {
  const c = line.charCodeAt(0);
  if (Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13) return false;
  if (format === 'oslo') return c >= 48 && c <= 57;
  if (format.startsWith('json')) return true;
  if (format !== 'short' && format !== 'short-precise') return true;
  const m = monthNumber(line, 0);
  if (m === 0) return false;
  const lines = before.split('\n');
  lines.pop();
  const prev = lines.at(-1) ?? '';
  if (monthNumber(prev, 0) !== m) return false;
  return m !== 12 || !lines.some((l) => monthNumber(l, 0) === 1);
}

/**
 * Cuts a file into ranges of about `rangeBytes` at lines where a range may start (canStartAt), with
 * each range's head seam ending at the first line start `seamBytes` past its start (it may reach into
 * the next ranges)
 * and a guessed year for yearless formats (the previous range's year, plus one where the month goes
 * back by more than six: a wrong guess only makes the seam check fail).
 */
export async function planRanges(fh: FileHandle, o: PlanOptions): Promise<Range[]> {
  const read = async (from: number, length: number): Promise<string> => {
    const buf = Buffer.alloc(Math.max(0, Math.min(length, o.size - from)));
    const { bytesRead } = await fh.read(buf, 0, buf.length, from);
    return buf.subarray(0, bytesRead).toString('latin1');
  };
  const starts: { at: number; month: number }[] = [{ at: 0, month: o.month }];
  for (let target = o.rangeBytes; target < o.size; ) {
    const prev = (starts.at(-1) as { at: number }).at;
    const from = Math.max(prev + 1, target - BEHIND);
    const text = await read(from, target - from + AHEAD);
    let cut = -1;
    for (let i = text.indexOf('\n', target - from - 1); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
      const lineEnd = text.indexOf('\n', i + 1);
      if (lineEnd < 0) break; // the line must be whole in the window to be judged
      const firstNl = text.indexOf('\n');
      if (canStartAt(o.format, text.slice(i + 1, lineEnd), text.slice(firstNl + 1, i + 1))) {
        cut = from + i + 1;
        starts.push({ at: cut, month: monthNumber(text, i + 1) });
        break;
      }
    }
    target = cut < 0 ? target + AHEAD : cut + o.rangeBytes;
  }
  const ranges: Range[] = [];
  let year = o.year;
  let month = o.month;
  for (const [k, s] of starts.entries()) {
    const end = starts[k + 1]?.at ?? o.size;
    if (k > 0 && month !== 0 && s.month !== 0 && s.month - month < -6) year++;
    if (s.month !== 0) month = s.month;
    let seamEnd = s.at;
    if (k > 0) {
      const text = s.at + o.seamBytes >= o.size ? '' : await read(s.at + o.seamBytes - 1, AHEAD);
      const nl = text.indexOf('\n');
      seamEnd = nl < 0 ? o.size : s.at + o.seamBytes + nl;
    }
    ranges.push({ start: s.at, seamEnd, end, year });
  }
  return ranges;
}
