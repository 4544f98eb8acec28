import { meaningOf } from '../recognise/event-types.ts';
import { backendOf } from './backend-of.ts';
import { buildPhases } from './build-phases.ts';
import { classify, type HostFacts } from './classify.ts';
import { conversionDirUse } from './conversion-dir-use.ts';
import { findEvent, type Flow } from './flow.ts';
import type { InternalVolume, Timeline, VolumeSource, VolumeStatus } from './timeline.ts';

const SOURCES: Record<string, VolumeSource> = {
  image: 'image', raw: 'raw', snap: 'snapshot', snapshot: 'snapshot', source_vol: 'source_vol', backup: 'backup',
};

const MAX_ERROR = 1000;

/** Turns a finished (or abandoned) flow into the timeline the renderers print. */
export function toTimeline(flow: Flow, facts: HostFacts, incomplete: boolean): Timeline {
  const status: VolumeStatus = incomplete && flow.status === 'open' ? 'incomplete' : flow.status === 'failed' ? 'failed' : flow.status === 'succeeded' ? 'succeeded' : 'incomplete';
  const source = sourceOf(flow);
  const backend = backendOf(flow.events);
  const c = classify(flow, source, backend, facts);
  const imageId = flow.spec?.imageId ?? imageIdOf(flow);
  const sizeBytes = flow.spec?.imageSizeBytes ?? null;
  const phases = buildPhases(flow.events, flow.first, flow.last, c.provisioning === 'clone');
  return {
    volumeId: flow.volumeId,
    source,
    imageId,
    imageName: flow.spec?.imageName ?? null,
    diskFormat: flow.spec?.diskFormat ?? null,
    imageSizeMB: sizeBytes === null ? null : Math.round((sizeBytes / 1048576) * 100) / 100,
    volumeSizeGiB: flow.spec?.volumeSizeGiB ?? null,
    status,
    provisioning: source === 'image' ? c.provisioning : null,
    cloneMethod: source === 'image' && c.provisioning === 'clone' ? c.cloneMethod : null,
    conversion: c.conversion,
    cacheSeeded: c.cacheSeeded,
    reasons: c.reasons,
    notes: c.notes,
    requestId: flow.requestId,
    globalRequestId: flow.globalRequestId,
    host: flow.host,
    backend,
    start: flow.first,
    end: flow.last,
    phases,
    internalVolumes: flow.internal.map(internalOf),
    error: status === 'failed' ? errorOf(flow) : null,
    rescheduled: flow.rescheduled,
    advice: [],
    origin: flow.origin,
    conversionDir: conversionDirUse(flow.events, phases, flow.last, status === 'incomplete', flow.spec),
  };
}

function sourceOf(flow: Flow): VolumeSource {
  const t = flow.createType;
  if (t !== null) return SOURCES[t] ?? 'other';
  // An excerpt that begins mid-flow: the data path tells it was created from an image.
  return flow.events.some((e) => meaningOf(e.type).fromImage) ? 'image' : 'other';
}

function imageIdOf(flow: Flow): string | null {
  for (const e of flow.events) {
    const id = e.fields['imageId'];
    if (id !== undefined) return id;
  }
  return null;
}

function internalOf(f: Flow): InternalVolume {
  return {
    volumeId: f.volumeId,
    purpose: 'image-cache-entry',
    status: f.status === 'open' ? 'incomplete' : f.status,
    start: f.first,
    end: f.last,
    phases: buildPhases(f.events, f.first, f.last, true),
  };
}

/** The most telling error text of a failed flow: the exception summary taskflow logs, else the failing step's line. */
function errorOf(flow: Flow): string {
  const ev = flow.events;
  const failure = ev.find((e) => e.type === 'taskState' && e.fields['state'] === 'FAILURE');
  const summary = failure?.record.extra.map((l) => l.trim()).find((l) => l.startsWith("|__Flow '"));
  if (summary !== undefined) return clip(summary.replace(/^\|__Flow '[^']*': /, ''));
  const copyFailed = findEvent(ev, 'copyImageFailed');
  if (copyFailed) {
    const stderr = copyFailed.record.extra.map((l) => l.trim()).find((l) => l.startsWith('Stderr:'));
    const image = copyFailed.fields['imageId'];
    return clip([image === undefined ? 'Failed to copy image to volume' : `Failed to copy image ${image} to volume`, copyFailed.fields['error'], stderr].filter(Boolean).join(': '));
  }
  const step = ev.find((e) => meaningOf(e.type).errorLine);
  if (step) return clip(step.record.text);
  if (flow.rescheduled) return 'rescheduled to another backend';
  return 'create failed (no error detail was logged)';
}

const clip = (s: string) => (s.length > MAX_ERROR ? `${s.slice(0, MAX_ERROR)}…` : s);
