import { wallClock } from './wall-clock.ts';

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));

/**
 * ISO 8601 with milliseconds and a `+HH:MM` offset (never `Z`) for an epoch-ms instant seen in
 * `zone` (`'local'` or an IANA name): `2020-08-01T13:47:29.009+00:00`. Sub-ms fractions are
 * truncated.
 */
export function formatTimestamp(epochMs: number, zone: string): string {
  const w = wallClock(epochMs, zone);
  const off = Math.round(w.offset);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const year = w.year >= 0 && w.year < 10_000 ? String(w.year).padStart(4, '0') : String(w.year);
  return (
    year + '-' + pad2(w.month) + '-' + pad2(w.day) +
    'T' + pad2(w.hour) + ':' + pad2(w.minute) + ':' + pad2(w.second) + '.' + pad3(w.millisecond) +
    sign + pad2(Math.floor(abs / 60)) + ':' + pad2(abs % 60)
  );
}
