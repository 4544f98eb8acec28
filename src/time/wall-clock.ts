import { offsetAt } from './offset-at.ts';

/** Calendar fields of an instant as seen in a zone. Month is 1-based; offset in minutes east. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly offset: number;
}

const DAY_MS = 86_400_000;

/** Wall-clock fields of `epochMs` (fraction dropped) in `zone`, without allocating a Date. */
export function wallClock(epochMs: number, zone: string): WallClock {
  const whole = Math.floor(epochMs);
  const offset = offsetAt(zone, whole);
  const local = whole + offset * 60_000;
  const days = Math.floor(local / DAY_MS);
  let rest = local - days * DAY_MS;
  // Howard Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millisecond = rest - second * 1000;
  return { year, month, day, hour, minute, second, millisecond, offset };
}
