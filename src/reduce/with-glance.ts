import { adviseFor } from './advice.ts';
import type { ImageTracker } from './create-image-tracker.ts';
import type { Phase, PhaseName, Timeline } from './timeline.ts';

const ORDER: PhaseName[] = ['clone', 'glance-serve', 'download', 'temporary-image', 'convert', 'volume-copy'];
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Adds what the glance side shows to a finished timeline: glance-api's serving of the image as a
 * `glance-serve` phase (joined by request id, §2.4) and the placement-aware advice.
 */
export function withGlance(t: Timeline, tracker: ImageTracker): Timeline {
  const download = t.phases.find((p) => p.name === 'download');
  const serve = t.source === 'image' && t.provisioning !== 'clone'
    ? tracker.takeServe([t.globalRequestId, t.requestId], t.imageId, t.start, t.end, download?.end ?? null)
    : null;
  let phases = t.phases;
  if (serve !== null) {
    const secs = serve.start !== null && serve.end !== null ? (serve.end - serve.start) / 1000 : null;
    const sizeMB = round2(serve.bytes / 1048576);
    const phase: Phase = { name: 'glance-serve', start: serve.start, end: serve.end, sizeMB, mbps: secs !== null && secs > 0 ? round2(sizeMB / secs) : null };
    phases = [...t.phases, phase].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  }
  const advice = adviseFor(t, tracker.placement(t.imageId, t.volumeId));
  return { ...t, phases, glanceServe: serve, advice };
}
