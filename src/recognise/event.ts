import type { LogRecord } from '../model/log-record.ts';
import type { EventType } from './event-types.ts';

/** A recognised record: the event, the row that claimed it, its named groups and the record itself. */
export interface Event {
  readonly type: EventType;
  readonly rowId: string;
  readonly fields: Readonly<Record<string, string | undefined>>;
  readonly record: LogRecord;
}
