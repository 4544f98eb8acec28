/**
 * `850 ms`, `6.7 s`, `4 min 12 s`, `1 h 03 min`: short enough for the timeline's 10-character
 * column, with sub-second and tenth-of-a-second precision. Not date-fns's formatDuration: it works
 * on whole units (850 ms is "", 6.7 s is "6 seconds"), writes "4 minutes 12 seconds" and lists
 * every unit ("1 day 2 hours 56 minutes 40 seconds"), which fits neither the columns nor the
 * `msg` of the JSON records.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m - h * 60).padStart(2, '0')} min`;
}

/** end − start, never negative (a clock jump backwards yields 0, not a negative duration). */
export function spanMs(start: number | null, end: number | null): number | null {
  if (start === null || end === null) return null;
  return Math.max(0, Math.round(end - start));
}
