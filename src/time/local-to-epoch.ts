import { offsetAt } from './offset-at.ts';

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 50_000;

/** Per zone: local wall-clock hour (as if UTC, in hours) → offset in minutes. */
const localHourCache = new Map<string, Map<number, number>>();

/** Far enough from a wall-clock time to be on either side of any one offset change near it. */
const PROBE_MS = 26 * HOUR_MS;

/**
 * Offset (minutes) that applies to a wall-clock time given as "local ms as if UTC", with the
 * ECMAScript (and Temporal 'compatible') rule, the same in every zone:
 * - gap (spring forward): the offset before the change, so the time moves forward, like
 *   `new Date(y, m, d …)`;
 * - overlap (fall back, a wall time that happens twice): the earlier of the two instants, also
 *   like `new Date(…)`. (The rule used to depend on the zone's side of UTC: Berlin took the later
 *   instant, New York the earlier.)
 */
function offsetForWallClock(zone: string, wallMs: number): number {
  const before = offsetAt(zone, wallMs - PROBE_MS);
  const after = offsetAt(zone, wallMs + PROBE_MS);
  const fits = (o: number): boolean => offsetAt(zone, wallMs - o * 60_000) === o;
  // Two changes within a day (rare): the offset at the time itself.
  if (before === after) return fits(before) ? before : offsetAt(zone, wallMs - offsetAt(zone, wallMs) * 60_000);
  const fitsBefore = fits(before);
  const fitsAfter = fits(after);
  if (fitsBefore && fitsAfter) return Math.max(before, after); // overlap: the earlier instant
  if (fitsBefore) return before;
  if (fitsAfter) return after;
  return before; // gap
}

/**
 * Epoch milliseconds for a wall-clock time in `zone` (`'local'` = the process zone, else an
 * IANA name). Month is 1-based. The offset is cached per (zone, local hour) when it is the same
 * over the whole hour, so the zone database is consulted about once per hour of log.
 * NaN for an unknown zone.
 */
export function localToEpoch(
  zone: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') return wallMs;
  const hourKey = Math.floor(wallMs / HOUR_MS);
  let perZone = localHourCache.get(zone);
  if (perZone === undefined) {
    perZone = new Map();
    localHourCache.set(zone, perZone);
  }
  const cached = perZone.get(hourKey);
  if (cached !== undefined) return wallMs - cached * 60_000;
  const start = hourKey * HOUR_MS;
  const a = offsetForWallClock(zone, start);
  const b = offsetForWallClock(zone, start + HOUR_MS - 1);
  if (a === b && !Number.isNaN(a)) {
    if (perZone.size >= MAX_CACHED_HOURS) perZone.clear();
    perZone.set(hourKey, a);
    return wallMs - a * 60_000;
  }
  return wallMs - offsetForWallClock(zone, wallMs) * 60_000;
}
