/** The journalctl output modes whose times shiftToNow moves. */
export type ShiftFormat = 'short-precise' | 'json';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHORT_PRECISE = /^([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6}) /gm;
const JSON_TIME = /"(__REALTIME_TIMESTAMP|_SOURCE_REALTIME_TIMESTAMP)":"(\d+)"/g;

/**
 * A sample's journal as `journalctl -f` would write it now: every time moved by the same whole
 * number of seconds, so that its first entry is at `now` (durations unchanged). Live input is read
 * with wall-clock behaviour only while it is current (src/pipeline/is-current.ts); the samples are
 * from March 2026. short-precise is read in UTC as of `year` (the samples' --year) and written for
 * the year of `now`, which the CLI must then be given (`--year`, see yearOf).
 */
export function shiftToNow(text: string, format: ShiftFormat, now = Date.now(), year = 2026): string {
  if (format === 'json') {
    const first = /"(?:__REALTIME_TIMESTAMP|_SOURCE_REALTIME_TIMESTAMP)":"(\d+)"/.exec(text)?.[1];
    if (first === undefined) throw new Error('no __REALTIME_TIMESTAMP');
    const by = BigInt(wholeSeconds(now - Number(first) / 1000)) * 1000n;
    return text.replace(JSON_TIME, (_, name: string, us: string) => `"${name}":"${BigInt(us) + by}"`);
  }
  const first = SHORT_PRECISE.exec(text);
  SHORT_PRECISE.lastIndex = 0;
  if (first === null) throw new Error('no short-precise time');
  const by = wholeSeconds(now - msOf(first, year));
  return text.replace(SHORT_PRECISE, (...m: string[]) => `${shortPrecise(msOf(m, year) + by)}.${m[6]} `);
}

/** The year to give the CLI (`--year`) for short-precise lines shifted to `now`. */
export const yearOf = (now = Date.now()): string => String(new Date(now).getUTCFullYear());

const wholeSeconds = (ms: number): number => Math.round(ms / 1000) * 1000;

function msOf(m: readonly (string | undefined)[], year: number): number {
  return Date.UTC(year, MONTHS.indexOf(m[1] ?? ''), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

function shortPrecise(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
