import { unpin, type Unpinned } from '../model/detach-record.ts';
import type { Origin } from '../model/log-record.ts';
import type { Event } from '../recognise/event.ts';
import type { EventType } from '../recognise/event-types.ts';
import type { VolumeSpec } from '../recognise/parse-volume-spec.ts';

/** The reducer's state for one create-volume flow (one request id on one host). */
export interface Flow {
  readonly key: string;
  /** Kept for the flow's life: copies, not views of the read chunk (a later line's must be unpinned). */
  readonly host: Unpinned | null;
  readonly requestId: Unpinned;
  globalRequestId: Unpinned | null;
  volumeId: string | null;
  createType: string | null;
  spec: VolumeSpec | null;
  first: number | null;
  last: number | null;
  readonly origin: Origin;
  status: 'open' | 'succeeded' | 'failed';
  /** Log time after which a finished flow is emitted even if its manager line never comes. */
  closeAt: number | null;
  rescheduled: boolean;
  /** Its start line is not in the input: a line telling the volume's outcome ended it (see EventMeaning.outcome). */
  startOutside: boolean;
  readonly events: Event[];
  /** The internal (cache-seeding) flow currently open inside this one. */
  nested: Flow | null;
  readonly internal: Flow[];
}

export function createFlow(key: string, event: Event, first: { time: number | null; origin: Origin }): Flow {
  const r = event.record;
  return {
    key,
    host: r.host,
    requestId: r.requestId ?? unpin(''),
    globalRequestId: r.globalRequestId,
    volumeId: null,
    createType: null,
    spec: null,
    first: first.time,
    last: r.time,
    origin: first.origin,
    status: 'open',
    closeAt: null,
    rescheduled: false,
    startOutside: false,
    events: [],
    nested: null,
    internal: [],
  };
}

/** Small queries over a flow's events, shared by the classification and the phase builder. */
export const findEvent = (events: readonly Event[], type: EventType): Event | undefined => events.find((e) => e.type === type);
export const lastIndexOf = (events: readonly Event[], type: EventType): number => events.findLastIndex((e) => e.type === type);
export const indexOf = (events: readonly Event[], type: EventType): number => events.findIndex((e) => e.type === type);
export const hasEvent = (events: readonly Event[], ...types: EventType[]): boolean => events.some((e) => types.includes(e.type));
