const digit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Minutes east of UTC for `+HHMM`, `+HH:MM` or `+HH` (also `-`), starting at `start` in `s` and
 * running to the end of `s` (or to `end`). Null when it is not such an offset.
 */
export function parseIsoOffset(s: string, start = 0, end = s.length): number | null {
  const len = end - start;
  if (len !== 3 && len !== 5 && len !== 6) return null;
  const sign = s.charCodeAt(start);
  if (sign !== 43 && sign !== 45) return null;
  const h1 = s.charCodeAt(start + 1);
  const h2 = s.charCodeAt(start + 2);
  if (!digit(h1) || !digit(h2)) return null;
  let minutes = 0;
  if (len > 3) {
    let p = start + 3;
    if (len === 6) {
      if (s.charCodeAt(p) !== 58) return null;
      p += 1;
    }
    const m1 = s.charCodeAt(p);
    const m2 = s.charCodeAt(p + 1);
    if (!digit(m1) || !digit(m2)) return null;
    minutes = (m1 - 48) * 10 + (m2 - 48);
    if (minutes > 59) return null;
  }
  const total = ((h1 - 48) * 10 + (h2 - 48)) * 60 + minutes;
  return sign === 45 ? -total : total;
}
