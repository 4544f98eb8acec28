import { digitAt, twoDigitsAt } from './digits.ts';

/** Fields of an oslo.log line header, filled by scanOsloHeader. */
export interface OsloHeader {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Whole milliseconds of the fraction. */
  ms: number;
  /** Sub-millisecond part of the fraction, in µs (0-999). */
  us: number;
  /** The PID field, or -1 when the line has none (old devstack screen logs). */
  pid: number;
}

export const newOsloHeader = (): OsloHeader => ({ y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, us: 0, pid: -1 });

const dg = digitAt;
const two = twoDigitsAt;

/**
 * Scan `YYYY-MM-DD HH:MM:SS[.fff] [PID ]` at `s[i]` into `out`. Returns the index just after it
 * (where the level word should start), or -1 when `s[i]` does not start such a header.
 */
export function scanOsloHeader(s: string, i: number, out: OsloHeader): number {
  if (s.length < i + 20) return -1;
  const y1 = two(s, i);
  const y2 = two(s, i + 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return -1;
  const mo = two(s, i + 5);
  const d = two(s, i + 8);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || s.charCodeAt(i + 10) !== 32) return -1;
  const h = two(s, i + 11);
  const mi = two(s, i + 14);
  const sec = two(s, i + 17);
  if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(i + 13) !== 58 || s.charCodeAt(i + 16) !== 58) return -1;
  let p = i + 19;
  let frac = 0;
  let fracDigits = 0;
  if (s.charCodeAt(p) === 46) {
    p++;
    while (p < s.length) {
      const c = dg(s, p);
      if (c < 0) break;
      if (fracDigits < 6) {
        frac = frac * 10 + c;
        fracDigits++;
      }
      p++;
    }
    if (fracDigits === 0) return -1;
  }
  if (s.charCodeAt(p) !== 32) return -1;
  p++;
  while (fracDigits < 6) {
    frac *= 10;
    fracDigits++;
  }
  out.y = y1 * 100 + y2;
  out.mo = mo;
  out.d = d;
  out.h = h;
  out.mi = mi;
  out.s = sec;
  out.ms = Math.floor(frac / 1000);
  out.us = frac % 1000;
  out.pid = -1;
  let q = p;
  let pid = 0;
  while (q < s.length) {
    const c = dg(s, q);
    if (c < 0) break;
    pid = pid * 10 + c;
    q++;
  }
  if (q > p && s.charCodeAt(q) === 32) {
    out.pid = pid;
    return q + 1;
  }
  return p;
}
