// The property behind test/time/format-timestamp*.test.ts: formatTimestamp, which asks date-fns once
// per zone and UTC hour and works the minutes out from that, writes every instant exactly as a plain
// date-fns `format` of that instant does, in every style.
import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import { tz, tzScan } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatTimestamp, type TimestampStyle } from '../../src/time/format-timestamp.ts';

/** The date-fns pattern of each style (see TimestampStyle). */
const PATTERNS: Record<TimestampStyle, string> = {
  iso: "yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
  'date-time-ms': 'yyyy-MM-dd HH:mm:ss.SSS',
  'date-time': 'yyyy-MM-dd HH:mm:ss',
  'time-ms': 'HH:mm:ss.SSS',
  time: 'HH:mm:ss',
  hour: "yyyy-MM-dd HH':00'",
};
const STYLES = Object.keys(PATTERNS) as TimestampStyle[];

const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2100, 0, 1);
const HOUR = 3_600_000;

/** The instants where the zone's offset changes in 1970–2100, as @date-fns/tz finds them (to the hour after). */
function changesOf(zone: string): number[] {
  const changes = tzScan(zone === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : zone, { start: new Date(FROM), end: new Date(TO) });
  return changes.map((c) => c.date.getTime());
}

/**
 * Checks, for random instants in `zones` (anywhere in 1970–2100, within 3 hours of an offset change,
 * and runs of instants within 3 hours of each other, so that hours are met cached and not, whole and
 * cut by a change or a local midnight), that formatTimestamp equals date-fns in every style.
 */
export function timestampsMatchDateFns(t: ExecutionContext, zones: readonly string[], numRuns: number): void {
  const near = new Map(zones.map((zone) => [zone, changesOf(zone)]));
  const instant = (zone: string): fc.Arbitrary<number> => {
    const changes = near.get(zone) ?? [];
    const anywhere = fc.integer({ min: FROM, max: TO });
    if (changes.length === 0) return anywhere;
    return fc.oneof(anywhere, fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })).map(([c, d]) => c + d));
  };
  const run = fc.constantFrom(...zones).chain((zone) =>
    fc.record({
      zone: fc.constant(zone),
      at: instant(zone),
      then: fc.array(fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), { maxLength: 8 }),
      style: fc.constantFrom(...STYLES),
    }),
  );
  let compared = 0;
  fc.assert(
    fc.property(run, ({ zone, at, then, style }) => {
      for (const ms of [at, ...then.map((d) => at + d)]) {
        const expected = format(ms, PATTERNS[style], zone === 'local' ? {} : { in: tz(zone) });
        if (formatTimestamp(ms, zone, { style }) !== expected) return false;
        compared++;
      }
      return true;
    }),
    { numRuns, seed: 20261206 },
  );
  t.true(compared >= numRuns, `${compared} instants compared`);
}
