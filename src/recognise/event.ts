import type { DetachedRecord } from '../model/detach-record.ts';
import type { EventType, FieldName } from './event-types.ts';

/**
 * A recognised record: the event, the row that claimed it, its named groups (the fields its event
 * declares; a group the matching wording does not have is absent or undefined) and the record itself.
 */
export interface Event {
  readonly type: EventType;
  readonly rowId: string;
  readonly fields: Readonly<Partial<Record<FieldName, string>>>;
  /** Kept by flows, images and timelines long after its line: detached from the read chunk. */
  readonly record: DetachedRecord;
}
