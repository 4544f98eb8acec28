import { tzOffset } from '@date-fns/tz';

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 50_000;

/** Per zone: UTC hour index → offset in minutes, only for hours with one offset throughout. */
const hourCache = new Map<string, Map<number, number>>();

/** Uncached offset in minutes east of UTC at an instant (`'local'` = the process zone). */
export function rawOffsetAt(zone: string, epochMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') return 0;
  if (zone === 'local') {
    const off = -new Date(epochMs).getTimezoneOffset();
    return off === 0 ? 0 : off;
  }
  return tzOffset(zone, new Date(epochMs));
}

/**
 * UTC offset in minutes (east positive) of `zone` at `epochMs`. The result is cached per
 * UTC hour when the offset is the same at both ends of that hour, so a transition inside an
 * hour (St John's, Lord Howe …) is never cached wrongly. NaN for an unknown zone.
 */
export function offsetAt(zone: string, epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let perZone = hourCache.get(zone);
  if (perZone === undefined) {
    perZone = new Map();
    hourCache.set(zone, perZone);
  }
  const cached = perZone.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * HOUR_MS;
  const a = rawOffsetAt(zone, start);
  const b = rawOffsetAt(zone, start + HOUR_MS - 1);
  if (a === b && !Number.isNaN(a)) {
    if (perZone.size >= MAX_CACHED_HOURS) perZone.clear();
    perZone.set(hour, a);
    return a;
  }
  return rawOffsetAt(zone, epochMs);
}
