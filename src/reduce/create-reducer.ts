import { unpin } from '../model/detach-record.ts';
import type { Diagnostic, LogRecord } from '../model/log-record.ts';
import type { Event } from '../recognise/event.ts';
import { meaningOf, type EventMeaning } from '../recognise/event-types.ts';
import { parseHostSpec } from '../recognise/parse-host-spec.ts';
import { volumeSpecOf } from './volume-spec-of.ts';
import type { HostFacts } from './classify.ts';
import { createCloseQueue } from './create-close-queue.ts';
import { createFlow, type Flow } from './flow.ts';
import { createFlowIndex, type HostEntry, type Place } from './create-flow-index.ts';
import { createImageTracker } from './create-image-tracker.ts';
import { createImageCacheStats, type ImageCacheStats } from './create-image-cache-stats.ts';
import { createPreflow } from './create-preflow.ts';
import { heldInConversionDir, type HeldNow } from './held-in-conversion-dir.ts';
import type { ImageData } from './image.ts';
import { withGlance } from './with-glance.ts';
import type { Timeline } from './timeline.ts';
import { toTimeline } from './to-timeline.ts';

export interface ReducerOptions {
  /** A flow with no line for this long (log time) is reported as incomplete. */
  readonly idleTimeoutMs: number;
  /** At most this many open flows; the least recently active is evicted as incomplete. */
  readonly maxOpen: number;
  /** After its success/failure line, a flow waits this long (log time) for its last lines. */
  readonly closeGraceMs?: number;
}

export type ReducerOutput = { readonly kind: 'timeline'; readonly timeline: Timeline } | { readonly kind: 'diagnostic'; readonly diagnostic: Diagnostic };

export interface ReducerCounters {
  recognised: number;
  flowsOpened: number;
  timelines: number;
  evicted: number;
  idleExpired: number;
  lateEvents: number;
}

export interface Reducer {
  /** The returned array is the reducer's own: read it before the next call (an empty one is reused). */
  step(record: LogRecord, event: Event | null): ReducerOutput[];
  /**
   * Moves log time forward to `time` without a record (live mode: the pipeline passes the last
   * log time plus the wall time spent waiting for input), closing what is due and expiring idle flows.
   */
  advance(time: number): ReducerOutput[];
  finish(): ReducerOutput[];
  /** Every image the input showed (glance uploads, imports, serving; cinder's view of its stores), as of now. */
  images(): ImageData[];
  /**
   * Counts an emitted timeline's volume in its image's `volumes` (when it succeeded as a clone or a
   * copy). The pipeline calls it for the timelines its filters keep, so that images() counts those only.
   */
  countVolume(t: Timeline): void;
  openFlows(): number;
  /** What the open creates hold in image_conversion_dir now, per host (live metrics; walks the open flows). */
  heldInConversionDir(): HeldNow[];
  /** The image-volume cache per backend, from every cache line (in a flow or not). */
  readonly imageCache: Pick<ImageCacheStats, 'counts' | 'result'>;
  readonly counters: Readonly<ReducerCounters>;
}

const BOUNDED = 4096;
/** Context events kept for a request id before its flow opens (taskflow preamble, the [glance] warning). */
const MAX_PENDING = 16;
const SWEEP_EVERY_MS = 10_000;
/**
 * How far one host's log time may lag another's in a merged journal (`journalctl -m`, hosts' clocks
 * or journals out of step) before a flow waiting for its trailing lines is closed on the other
 * hosts' time anyway (its own host may have gone quiet).
 */
const HOST_SKEW_MS = 30_000;
const NOT_CINDER = /^(glance|nova|keystone|neutron|placement|eventlet|uwsgi)/;

/**
 * The reducer: records and their recognised events in, finished timelines out, keyed by
 * (host, request id). No I/O and no clock: time is the largest log time seen (the watermark).
 */
export function createReducer(options: ReducerOptions): Reducer {
  const grace = options.closeGraceMs ?? 2000;
  /** Open flows and recently closed ids, by host and request id (see createFlowIndex). */
  const flows = createFlowIndex(BOUNDED);
  /** Flows waiting out their close grace (see createCloseQueue). */
  const closing = createCloseQueue<Flow>(HOST_SKEW_MS);
  /** Request ids seen before their flow opened: the first line (the flow's start) and context events. */
  const preflow = createPreflow(BOUNDED, MAX_PENDING);
  const facts = new Map<string, { cacheDisabled: Set<string> }>();
  const tracker = createImageTracker();
  const imageCache = createImageCacheStats();
  const counters: ReducerCounters = { recognised: 0, flowsOpened: 0, timelines: 0, evicted: 0, idleExpired: 0, lateEvents: 0 };
  let watermark = -Infinity;
  let lastSweep = -Infinity;
  let out: ReducerOutput[] = [];
  /** Live mode: each host's log time, and the latest, when the input went quiet (advance); null once a record comes. */
  let quietFrom: { readonly at: number; readonly times: Map<HostEntry, number> } | null = null;

  /** A flow's close grace runs on its own host's latest log time. */
  const hostTimeOf = (host: string) => flows.timeOf(host) ?? watermark;
  const factsOf = (host: string | null): HostFacts => facts.get(host ?? '') ?? { cacheDisabled: new Set() };

  const emit = (flow: Flow, incomplete: boolean) => {
    flows.remove(flow, true);
    closing.remove(flow);
    counters.timelines++;
    out.push({ kind: 'timeline', timeline: withGlance(toTimeline(flow, factsOf(flow.host), incomplete), tracker) });
  };

  const belongsToCinder = (r: LogRecord) => (r.logger === null ? !/glance|g-api/.test(r.ident ?? '') : !NOT_CINDER.test(r.logger));

  function step(record: LogRecord, event: Event | null): ReducerOutput[] {
    // Most steps output nothing: the empty array the last step returned is reused (the caller has
    // finished with it) instead of allocating one per record (profiled: GC was the largest cost).
    if (out.length !== 0) out = [];
    quietFrom = null;
    const t = record.time;
    const hostName = record.host ?? '';
    let host: HostEntry | null = null;
    if (t !== null) {
      if (t > watermark) watermark = t;
      host = flows.host(hostName);
      if (host.time === null || t > host.time) host.time = t;
    }
    if (event !== null) {
      counters.recognised++;
      tracker.observe(event);
      imageCache.observe(event);
    }
    if (event?.type === 'cacheServiceState') noteCacheState(event.record, event);
    const rid = record.requestId;
    const meaning = event === null ? null : meaningOf(event.type);
    if (meaning?.side === 'glance') {
      // glance-api / glance_store: never part of a cinder flow, even when the request ids coincide.
    } else if (rid !== null && rid !== '' && (event !== null || belongsToCinder(record))) {
      stepFlow(host ?? flows.host(hostName), rid, record, event, meaning);
    } else if (event !== null && (meaning?.outcome ?? null) !== null && event.fields['volumeId'] !== undefined) {
      // No request id (a journal of bare messages): the volume the outcome line names keys its flow.
      stepFlow(host ?? flows.host(hostName), `volume ${event.fields['volumeId']}`, record, event, meaning);
    }
    closeDue(hostName);
    return out;
  }

  /** One record of the flow `id` of `host` (its request id, else `volume <id>`): routed, or opening it, or kept until it opens. */
  function stepFlow(host: HostEntry, id: string, record: LogRecord, event: Event | null, meaning: EventMeaning | null) {
    const flow = flows.touch(host, id); // most recently active now
    if (flow !== undefined) {
      if (event !== null) route(flow, event);
      else touch(flow, record);
    } else if (event !== null && meaning?.opensFlow === true && (!flows.isClosed(host, id) || meaning.create === 'starts')) {
      open(host, id, event);
    } else if (event !== null && flows.isClosed(host, id)) {
      counters.lateEvents++;
    } else if (!flows.isClosed(host, id)) {
      preflow.note(host.id, id, record.time, record.input, record.line, event);
    }
  }

  function open(host: HostEntry, id: string, event: Event) {
    const r = event.record;
    const key = unpin(`${host.name}\u0000${id}`); // kept by the flow: a copy that keeps no read chunk (see unpin)
    const pending = preflow.take(host.id, id);
    const first = pending ?? { time: r.time, origin: { input: r.input, line: r.line } };
    const flow = createFlow(key, event, first);
    flows.add(host, id, flow);
    counters.flowsOpened++;
    for (const e of pending?.events ?? []) route(flow, e);
    route(flow, event);
    if (flows.size > options.maxOpen) evictOldest();
  }

  function evictOldest() {
    const oldest = flows.flows().next().value;
    if (oldest === undefined) return;
    counters.evicted++;
    if (counters.evicted === 1) {
      out.push({
        kind: 'diagnostic',
        diagnostic: {
          severity: 'warning',
          code: 'flow-evicted',
          message: `Raise --max-open to keep more flows: ${options.maxOpen} flows were open at once, so the least recently active ones are reported as incomplete (first: request ${oldest.requestId})`,
          where: oldest.origin,
        },
      });
    }
    emit(oldest, true);
  }

  function touch(flow: Flow, r: LogRecord) {
    if (r.time !== null && (flow.last === null || r.time > flow.last)) flow.last = r.time;
    if (flow.globalRequestId === null && r.globalRequestId !== null) flow.globalRequestId = unpin(r.globalRequestId);
  }

  function route(root: Flow, event: Event) {
    const f = event.fields;
    const time = event.record.time;
    const volumeId = f['volumeId'];
    const meaning = meaningOf(event.type);
    let target = root.nested !== null && meaning.nested ? root.nested : root;
    if (volumeId !== undefined) target = findByVolume(root, volumeId) ?? target;

    if (meaning.create === 'starts') {
      if (root.createType !== null && root.volumeId !== volumeId && root.status === 'open') {
        const inner = createFlow(root.key, event, { time, origin: { input: event.record.input, line: event.record.line } });
        root.internal.push(inner);
        root.nested = inner;
        target = inner;
      } else if (root.createType !== null && root.volumeId !== volumeId) {
        const { host, id } = flows.placeOf(root) as Place;
        emit(root, false); // a new create under the same request id after the first ended
        open(host, id, event);
        return;
      }
      target.createType = f['createType'] ?? createTypeOf(f['method']);
      target.spec = volumeSpecOf(event);
    }
    if (volumeId !== undefined && target.volumeId === null && meaning.namesVolume) {
      target.volumeId = volumeId;
    }
    target.events.push(event);
    touch(target, event.record);
    if (target !== root) touch(root, event.record);

    switch (meaning.create) {
      case 'succeeds':
        target.status = 'succeeded';
        if (target === root) scheduleClose(root, time);
        break;
      case 'created':
        if (root.nested !== null && root.nested.status !== 'failed') {
          root.nested.status = 'succeeded';
          root.nested = null;
        } else {
          root.status = root.status === 'failed' ? 'failed' : 'succeeded';
          emit(root, false);
        }
        break;
      case 'fails':
        fail(root, target, time);
        break;
      case 'task-state':
        if (f['state'] === 'FAILURE' && f['task']?.includes('CreateVolumeFromSpecTask')) fail(root, target, time);
        break;
      case 'flow-state':
        if (f['flow'] === 'volume_create_manager' && (f['state'] === 'REVERTED' || f['state'] === 'FAILURE')) {
          if (target !== root) {
            target.status = 'failed';
            root.nested = null;
          } else if (root.status !== 'open' || f['state'] === 'REVERTED') {
            root.status = 'failed';
            emit(root, false);
          }
        }
        break;
      case 'rescheduled':
        root.rescheduled = true;
        fail(root, root, time);
        break;
      default:
        break;
    }
    if (meaning.outcome === 'failed' && target === root && root.createType === null && root.status === 'open') {
      root.startOutside = true;
      fail(root, root, time);
    }
  }

  function fail(root: Flow, target: Flow, time: number | null) {
    target.status = 'failed';
    if (target === root) scheduleClose(root, time);
    else root.nested = null;
  }

  function scheduleClose(flow: Flow, time: number | null) {
    flow.closeAt = (time ?? watermark) + grace;
    closing.schedule(flow, flow.host ?? '', flow.closeAt);
  }

  function advance(time: number): ReducerOutput[] {
    out = [];
    // Time passed with no input at all (live mode): the same wall time passed on every host, from
    // its own log time when the input went quiet, so a host whose clock runs behind the others'
    // stays behind (its flows in their close grace wait the grace, not the clocks' difference).
    if (quietFrom === null) {
      const times = new Map<HostEntry, number>();
      for (const h of flows.hosts()) if (h.time !== null) times.set(h, h.time);
      quietFrom = { at: watermark, times };
    }
    const elapsed = Number.isFinite(quietFrom.at) ? time - quietFrom.at : 0;
    for (const [h, from] of quietFrom.times) if (h.time !== null && from + elapsed > h.time) h.time = from + elapsed;
    if (time > watermark) watermark = time;
    lastSweep = -Infinity;
    closeDue(null);
    return out;
  }

  /** `host`: the host whose log time may have moved (null: every host's did). */
  function closeDue(host: string | null) {
    for (const flow of closing.takeDue(host, hostTimeOf, watermark)) emit(flow, false);
    if (watermark - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = watermark;
    for (const flow of flows.flows()) {
      if (flow.last === null || flow.last + options.idleTimeoutMs >= watermark) break;
      counters.idleExpired++;
      emit(flow, true);
    }
  }

  function noteCacheState(record: LogRecord, event: Event) {
    const { backend } = parseHostSpec(event.fields['cacheHost'] ?? '');
    if (backend === null) return;
    const scope = record.host ?? '';
    const entry = facts.get(scope) ?? { cacheDisabled: new Set<string>() };
    facts.set(scope, entry);
    if (event.fields['state'] === 'disabled') entry.cacheDisabled.add(backend);
    else entry.cacheDisabled.delete(backend);
  }

  function finish(): ReducerOutput[] {
    out = [];
    const rest = [...flows.flows()].sort((a, b) => (a.first ?? Infinity) - (b.first ?? Infinity));
    for (const flow of rest) emit(flow, flow.status === 'open');
    return out;
  }

  return { step, advance, finish, images: () => tracker.images(), countVolume: (t) => tracker.countVolume(t.imageId, t.status === 'succeeded' ? t.provisioning : null), openFlows: () => flows.size, heldInConversionDir: () => heldInConversionDir(flows.flows()), imageCache, counters };
}

function findByVolume(root: Flow, volumeId: string): Flow | undefined {
  if (root.volumeId === volumeId) return root;
  return root.internal.find((f) => f.volumeId === volumeId);
}

function createTypeOf(method: string | undefined): string {
  switch (method) {
    case 'raw_volume': return 'raw';
    case 'from_image': return 'image';
    case 'from_snapshot': return 'snap';
    case 'from_source_volume': return 'source_vol';
    case 'from_backup': return 'backup';
    default: return 'other';
  }
}
