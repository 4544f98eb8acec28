import type { InputFormat } from '../model/log-record.ts';
import { createYearTracker } from '../time/create-year-tracker.ts';
import { localToEpoch } from '../time/local-to-epoch.ts';
import { monthNumber } from '../time/month-number.ts';
import { parseIsoOffset } from '../time/parse-iso-offset.ts';
import { parseZoneToken } from '../time/parse-zone-token.ts';
import { digitAt, twoDigitsAt } from './digits.ts';

/** Result slot of a timestamp parser: `time` (epoch ms or null) and `end`, the index after it. */
export interface TimestampSlot {
  time: number | null;
  end: number;
}

export interface ShortTimestampOptions {
  readonly zone: string;
  readonly year: number;
  /** Called when a zone abbreviation (`CET`, `IST` …) had to be read in `zone`. */
  readonly onAmbiguousZone: (token: string) => void;
}

/** Parses the timestamp at the start of a line into `slot`; false when there is none. */
export type ShortTimestampParser = (s: string, slot: TimestampSlot) => boolean;

const dg = digitAt;
const two = twoDigitsAt;

/** Scratch for date/time fields shared by the parsers below (single-threaded). */
const f = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, us: 0, end: 0 };

/** `HH:MM:SS[.frac]` at `i`; fills f.h/mi/s/us and f.end. */
function clock(s: string, i: number): boolean {
  const h = two(s, i);
  const mi = two(s, i + 3);
  const sec = two(s, i + 6);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return false;
  if (s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return false;
  f.h = h;
  f.mi = mi;
  f.s = sec;
  let p = i + 8;
  let frac = 0;
  let n = 0;
  if (s.charCodeAt(p) === 46) {
    p++;
    for (;;) {
      const c = dg(s, p);
      if (c < 0) break;
      if (n < 6) {
        frac = frac * 10 + c;
        n++;
      }
      p++;
    }
    if (n === 0) return false;
    while (n < 6) {
      frac *= 10;
      n++;
    }
  }
  f.us = frac;
  f.end = p;
  return true;
}

/** `YYYY-MM-DD` at `i` followed by the separator char code `sep`; fills f.y/mo/d. */
function date(s: string, i: number, sep: number): boolean {
  const y1 = two(s, i);
  const y2 = two(s, i + 2);
  const mo = two(s, i + 5);
  const d = two(s, i + 8);
  if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  if (s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45 || s.charCodeAt(i + 10) !== sep) return false;
  f.y = y1 * 100 + y2;
  f.mo = mo;
  f.d = d;
  return true;
}

const withMicros = (wholeMs: number, us: number): number => wholeMs + Math.floor(us / 1000) + (us % 1000) / 1000;

/**
 * The timestamp parser for one short-family mode (also used for verbose headers with
 * `short-full`). The fraction is optional in every mode, so `short` also reads `short-precise`.
 */
export function createShortTimestampParser(format: InputFormat, opts: ShortTimestampOptions): ShortTimestampParser {
  const { zone, onAmbiguousZone } = opts;
  switch (format) {
    case 'short':
    case 'short-precise': {
      const years = createYearTracker(opts.year);
      return (s, slot) => {
        const mo = monthNumber(s, 0);
        if (mo === 0 || s.charCodeAt(3) !== 32) return false;
        const d1 = s.charCodeAt(4) === 32 ? 0 : dg(s, 4);
        const d2 = dg(s, 5);
        if (d1 < 0 || d2 < 0 || s.charCodeAt(6) !== 32 || !clock(s, 7)) return false;
        const day = d1 * 10 + d2;
        if (day < 1 || day > 31) return false;
        const y = years.yearFor(mo);
        slot.time = withMicros(localToEpoch(zone, y, mo, day, f.h, f.mi, f.s, 0), f.us);
        slot.end = f.end;
        return true;
      };
    }
    case 'short-iso':
    case 'short-iso-precise':
      return (s, slot) => {
        if (!date(s, 0, 84) || !clock(s, 11)) return false;
        let sp = s.indexOf(' ', f.end);
        if (sp < 0) sp = s.length;
        const off = sp - f.end === 1 && s.charCodeAt(f.end) === 90 ? 0 : parseIsoOffset(s, f.end, sp);
        if (off === null) return false;
        slot.time = withMicros(Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - off * 60_000, f.us);
        slot.end = sp;
        return true;
      };
    case 'short-full':
    case 'with-unit':
    case 'verbose':
      return (s, slot) => {
        const w = s.charCodeAt(0);
        if (w < 65 || w > 90 || s.charCodeAt(3) !== 32 || !date(s, 4, 32) || !clock(s, 15)) return false;
        if (s.charCodeAt(f.end) !== 32) return false;
        const zStart = f.end + 1;
        let zEnd = s.indexOf(' ', zStart);
        if (zEnd < 0) zEnd = s.length;
        if (zEnd === zStart) return false;
        const off = parseZoneToken(s, zStart, zEnd);
        if (off === null) {
          onAmbiguousZone(s.slice(zStart, zEnd));
          slot.time = withMicros(localToEpoch(zone, f.y, f.mo, f.d, f.h, f.mi, f.s, 0), f.us);
        } else {
          slot.time = withMicros(Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - off * 60_000, f.us);
        }
        slot.end = zEnd;
        return true;
      };
    case 'short-unix':
      return (s, slot) => {
        let p = 0;
        while (s.charCodeAt(p) === 32) p++;
        let sec = 0;
        const start = p;
        for (;;) {
          const c = dg(s, p);
          if (c < 0) break;
          sec = sec * 10 + c;
          p++;
        }
        // At most 11 digits of seconds (year 5138): more is a corrupted line, not a time.
        if (p === start || p - start > 11 || s.charCodeAt(p) !== 46) return false;
        p++;
        let us = 0;
        let n = 0;
        for (;;) {
          const c = dg(s, p);
          if (c < 0) break;
          if (n < 6) {
            us = us * 10 + c;
            n++;
          }
          p++;
        }
        if (n === 0) return false;
        while (n < 6) {
          us *= 10;
          n++;
        }
        slot.time = withMicros(sec * 1000, us);
        slot.end = p;
        return true;
      };
    case 'short-monotonic':
    case 'short-delta':
      return (s, slot) => {
        if (s.charCodeAt(0) !== 91) return false;
        let p = 1;
        while (s.charCodeAt(p) === 32) p++;
        const digitsStart = p;
        while (dg(s, p) >= 0) p++;
        if (p === digitsStart || s.charCodeAt(p) !== 46) return false;
        const close = s.indexOf(']', p);
        if (close < 0) return false;
        slot.time = null;
        slot.end = close + 1;
        return true;
      };
    default:
      return () => false;
  }
}
