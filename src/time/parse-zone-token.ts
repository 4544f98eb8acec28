import { parseIsoOffset } from './parse-iso-offset.ts';

/**
 * Offset in minutes for the zone token of `short-full`, `with-unit` and `verbose` headers:
 * `UTC`/`GMT`/`UT`/`Z` are 0, numeric `+04`, `-0330`, `+05:30` are exact. Any other
 * abbreviation (`CET`, `IST` …) is ambiguous: null.
 */
export function parseZoneToken(s: string, start = 0, end = s.length): number | null {
  const len = end - start;
  if (len === 3) {
    const t = s.slice(start, end);
    if (t === 'UTC' || t === 'GMT') return 0;
  } else if (len === 2 && s.startsWith('UT', start)) {
    return 0;
  } else if (len === 1 && s.charCodeAt(start) === 90) {
    return 0;
  }
  return parseIsoOffset(s, start, end);
}
