import type { Level } from '../model/log-record.ts';
import type { EventType } from './event-types.ts';

/**
 * One row of the recogniser table: a message wording of one release range, as data.
 * Adding a release's wording is adding a row (style §2).
 */
export interface Recogniser {
  /** Unique row id, `<component>.<what>[.<variant>]`. */
  readonly id: string;
  /** The event the row produces; several rows (wordings) may produce the same event. */
  readonly event: EventType;
  /** Python logger names that log this message (checked when the record carries a logger). */
  readonly loggers: readonly string[];
  /** Level(s) the message is logged at, for documentation; not enforced (levels move between releases). */
  readonly levels: readonly Level[];
  /** Pattern over the message text, anchored, with named groups. */
  readonly pattern: RegExp;
  /** A literal every matching text contains, used to skip the regex cheaply. */
  readonly anchor: string;
  /** Releases that log this wording, e.g. `train–master`, `≤ 2025.2`. */
  readonly releases: string;
  /** Message texts (after the oslo prefix) that this row, and only this row, must claim. */
  readonly samples: readonly string[];
}

/** Shared pieces of patterns. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const NUM = '\\d+(?:\\.\\d+)?';
