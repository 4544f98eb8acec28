import type { Event } from '../recognise/event.ts';
import { meaningOf, type FlowPhase, type PhaseEdge } from '../recognise/event-types.ts';
import type { Phase, PhaseName } from './timeline.ts';

const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));

/** Whether the event is at this edge of this phase (its declared meaning). */
function at(e: Event, name: FlowPhase, edge: PhaseEdge): boolean {
  const phase = meaningOf(e.type).phase;
  return phase !== null && phase.name === name && phase.edge === edge;
}

/** The first event at this edge of this phase. */
const first = (events: readonly Event[], name: FlowPhase, edge: PhaseEdge): Event | undefined => events.find((e) => at(e, name, edge));

/**
 * A measured step is logged at its end, sometimes twice (a DEBUG "details" line with the real
 * duration and an INFO line with MB/s whose duration is floored to 1 s). Pair them, and place the
 * start at end − duration (never before the flow's first line, never after the end).
 */
function measured(events: readonly Event[], name: FlowPhase, floor: number | null): Phase[] {
  const phases: Phase[] = [];
  let pending: Event | null = null;
  const flush = (d: Event | null, e: Event | null, i: number) => {
    const endEvent = e ?? d;
    if (endEvent === null) return;
    const end = endEvent.record.time;
    const sizeMB = num(e?.fields['sizeMB']) ?? num(d?.fields['sizeMB']);
    const reported = num(e?.fields['mbps']);
    const durationSec = num(d?.fields['durationSec']) ?? (sizeMB !== null && reported !== null && reported > 0 ? sizeMB / reported : null);
    let start: number | null = null;
    if (end !== null && durationSec !== null) start = end - durationSec * 1000;
    else if (end !== null) start = previousTime(events, i);
    if (start !== null && floor !== null && start < floor) start = floor;
    if (start !== null && end !== null && start > end) start = end;
    const mbps = reported ?? (sizeMB !== null && durationSec !== null && durationSec > 0 ? round2(sizeMB / durationSec) : null);
    phases.push({ name, start, end, sizeMB, mbps });
  };
  events.forEach((e, i) => {
    if (at(e, name, 'details')) {
      if (pending) flush(pending, null, i);
      pending = e;
    } else if (at(e, name, 'done')) {
      flush(pending, e, i);
      pending = null;
    }
  });
  if (pending) flush(pending, null, events.length);
  return phases;
}

function previousTime(events: readonly Event[], i: number): number | null {
  for (let j = i - 1; j >= 0; j--) {
    const t = events[j]?.record.time;
    if (t !== null && t !== undefined) return t;
  }
  return null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Order of phases that start at the same instant. */
const RANK: Record<PhaseName, number> = { clone: 0, 'glance-serve': 1, download: 2, 'temporary-image': 3, convert: 4, 'volume-copy': 5 };

/** All phases of one flow, ordered by start. `cloned` says whether the flow's outcome was a clone. */
export function buildPhases(events: readonly Event[], flowFirst: number | null, end: number | null, cloned: boolean): Phase[] {
  const download = measured(events, 'download', flowFirst);
  const convert = measured(events, 'convert', flowFirst);
  const copy = measured(events, 'volume-copy', flowFirst);
  if (download.length === 0) {
    // Only the DEBUG brackets of copy_image_to_volume (an excerpt, or INFO lines lost): the download
    // happened between them; a missing bracket stays unknown rather than guessed.
    const attempt = first(events, 'download', 'start');
    const done = first(events, 'download', 'end');
    if (attempt || done) download.push({ name: 'download', start: attempt?.record.time ?? null, end: done?.record.time ?? null, sizeMB: null, mbps: null });
  }
  if (convert.length === 0) {
    // A conversion that failed, or was still running when the input ended: from "… converting to …"
    // to the failure line; an end that was never logged stays unknown.
    const formats = first(events, 'convert', 'start');
    const failure = first(events, 'convert', 'end');
    if (formats) convert.push({ name: 'convert', start: formats.record.time, end: failure?.record.time ?? null, sizeMB: null, mbps: null });
  }
  const phases: Phase[] = [...download, ...convert, ...copy];

  if (cloned) {
    const marker = first(events, 'clone', 'start');
    if (marker) {
      const done = first(events, 'clone', 'end');
      phases.push({ name: 'clone', start: marker.record.time, end: done?.record.time ?? end, sizeMB: null, mbps: null });
    }
  }

  const fetched = first(events, 'temporary-image', 'start');
  const deleted = first(events, 'temporary-image', 'end');
  if (fetched || deleted) {
    const from = download[0]?.start ?? fetched?.record.time ?? null;
    phases.push({ name: 'temporary-image', start: from, end: deleted?.record.time ?? end, sizeMB: download[0]?.sizeMB ?? null, mbps: null });
  }
  return phases.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || RANK[a.name] - RANK[b.name]);
}
