import type { Event } from '../recognise/event.ts';
import { createRecogniser } from '../recognise/create-recogniser.ts';
import { raisedRows } from '../recognise/rows/raised.ts';

const recogniseRaised = createRecogniser(raisedRows);

/**
 * The exceptions a flow's records carry in their folded continuation lines (a traceback's last
 * line, taskflow's `|__Flow '…': <exception>` summary) that a row of rows/raised.ts recognises, as
 * events of the record that carries them (same logger, time and context). Pure: run once per
 * classified copy, over the few records that have continuation lines.
 */
export function raisedEvents(events: readonly Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    for (const line of e.record.extra) {
      const raised = recogniseRaised({ ...e.record, text: line.trim(), extra: [] });
      if (raised !== null) out.push(raised);
    }
  }
  return out;
}
