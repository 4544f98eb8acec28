import { offsetAt } from './offset-at.ts';

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 50_000;

/** Per zone: local wall-clock hour (as if UTC, in hours) → offset in minutes. */
const localHourCache = new Map<string, Map<number, number>>();

/**
 * Offset (minutes) that applies to a wall-clock time given as "local ms as if UTC".
 * Gap (spring forward): the offset before the transition, like `new Date(y, m, d …)`, so the
 * time moves forward. Overlap (fall back): the offset found first (usually the later one).
 */
function offsetForWallClock(zone: string, wallMs: number): number {
  const o1 = offsetAt(zone, wallMs);
  const o2 = offsetAt(zone, wallMs - o1 * 60_000);
  if (o1 === o2) return o1;
  const o3 = offsetAt(zone, wallMs - o2 * 60_000);
  if (o3 === o2) return o2;
  return Math.min(o2, o3);
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
