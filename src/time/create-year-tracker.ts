/** Supplies the year for timestamps that lack one (`short`, `short-precise`). */
export interface YearTracker {
  /** Year for a line whose month (1-12) is `month`; advances on a Dec → Jan style rollover. */
  yearFor(month: number): number;
  /** The current year of the stream. */
  readonly year: number;
}

/**
 * Starts at `startYear`. When the month goes backwards by more than six months (Dec → Jan) the
 * year increments. A lone December line right after January (an out-of-order entry from the
 * old year) gets the previous year and does not move the tracker. Any other forward jump
 * (a gap of several months) is accepted as the same year.
 */
export function createYearTracker(startYear: number): YearTracker {
  let year = startYear;
  let last = 0;
  return {
    yearFor(month: number): number {
      if (last === 0) {
        last = month;
        return year;
      }
      const d = month - last;
      if (d < -6) {
        year += 1;
        last = month;
      } else if (d > 6 && last === 1 && month === 12) {
        return year - 1;
      } else {
        last = month;
      }
      return year;
    },
    get year(): number {
      return year;
    },
  };
}
