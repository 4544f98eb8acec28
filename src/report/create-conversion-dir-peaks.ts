import type { ConversionFile, NoSpaceFailure } from '../reduce/conversion-dir-use.ts';
import type { Timeline } from '../reduce/timeline.ts';

/** A volume holding space in the conversion directory at a host's peak. */
export interface PeakHolder {
  readonly volumeId: string | null;
  readonly requestId: string;
  readonly bytes: number;
  /** What it held: the downloaded image, the converted file, or (a failed create) the bytes it asked for. */
  readonly files: readonly ('download' | 'converted' | 'requested')[];
}

export interface NoSpaceVolume extends NoSpaceFailure {
  readonly volumeId: string | null;
  readonly requestId: string;
}

/** One cinder-volume host's conversion directory over the run. */
export interface HostConversionDir {
  readonly host: string | null;
  readonly backends: readonly string[];
  /** The most bytes held at once (with what failed creates asked for at that instant), and when it was first reached. */
  readonly peakBytes: number;
  readonly at: number;
  readonly volumes: readonly PeakHolder[];
  /** Bytes held after each change, in time order (a failure's request shows as a spike at its instant). */
  readonly points: readonly { readonly t: number; readonly bytes: number }[];
  readonly noSpace: readonly NoSpaceVolume[];
  /** Files whose create's end is not in the input: held until the input ends. */
  readonly heldToInputEnd: number;
}

export interface ConversionDirData {
  /** Hosts that held something or failed for lack of space there, by host name. */
  readonly hosts: readonly HostConversionDir[];
}

interface Holding {
  readonly t: number;
  readonly d: number;
  readonly key: string;
  readonly kind: PeakHolder['files'][number];
}

/**
 * The conversion directory per host, from the timelines' files (see conversionDirUse): an exact sweep
 * over every file's interval. Files released at an instant are gone before files taken at it; the
 * bytes a create that failed for lack of space asked for are added at the instant it failed (that is
 * what the directory would have had to hold). A file whose create never ended is held until the
 * latest time of the run.
 */
export function createConversionDirPeaks() {
  const byHost = new Map<string, HostEntries>();
  let last: number | null = null;

  function add(t: Timeline): void {
    if (t.end !== null && (last === null || t.end > last)) last = t.end;
    const use = t.conversionDir;
    if (use === undefined || use === null) return;
    const key = t.host ?? '';
    const entry = byHost.get(key) ?? { backends: new Set<string>(), files: [], failures: [] };
    byHost.set(key, entry);
    if (t.backend !== null) entry.backends.add(t.backend);
    // Only what the sweep needs is kept (not the timeline: live mode runs for days).
    const who = { volumeId: t.volumeId, requestId: t.requestId };
    for (const f of use.files) entry.files.push({ t: who, f });
    if (use.noSpace !== null) entry.failures.push({ t: who, n: use.noSpace });
  }

  function result(): ConversionDirData {
    const hosts: HostConversionDir[] = [];
    for (const [host, e] of byHost) hosts.push(sweep(host === '' ? null : host, e, last));
    hosts.sort((a, b) => (a.host ?? '').localeCompare(b.host ?? ''));
    return { hosts };
  }

  return { add, result };
}

interface Who {
  readonly volumeId: string | null;
  readonly requestId: string;
}

interface HostEntries {
  readonly backends: Set<string>;
  readonly files: { t: Who; f: ConversionFile }[];
  readonly failures: { t: Who; n: NoSpaceFailure }[];
}

const keyOf = (t: Who) => `${t.requestId}\u0000${t.volumeId ?? ''}`;

function sweep(host: string | null, e: HostEntries, runEnd: number | null): HostConversionDir {
  const who = new Map<string, Who>();
  const edges: Holding[] = [];
  let heldToInputEnd = 0;
  for (const { t, f } of e.files) {
    const key = keyOf(t);
    who.set(key, t);
    const end = f.end ?? Math.max(f.start, runEnd ?? f.start);
    if (f.end === null) heldToInputEnd++;
    edges.push({ t: f.start, d: f.bytes, key, kind: f.kind }, { t: end, d: -f.bytes, key, kind: f.kind });
  }
  // Releases before takes at the same instant; a failure's request is looked at after both.
  edges.sort((a, b) => a.t - b.t || Math.sign(a.d) - Math.sign(b.d));
  const asks = e.failures.map(({ t, n }) => ({ t: n.at, bytes: n.requestedBytes ?? 0, key: keyOf(t), tl: t })).sort((a, b) => a.t - b.t);
  for (const a of asks) who.set(a.key, a.tl);

  const held = new Map<string, Map<PeakHolder['files'][number], number>>();
  const hold = (key: string, kind: PeakHolder['files'][number], d: number) => {
    const m = held.get(key) ?? new Map<PeakHolder['files'][number], number>();
    held.set(key, m);
    const n = (m.get(kind) ?? 0) + d;
    if (n === 0) m.delete(kind);
    else m.set(kind, n);
    if (m.size === 0) held.delete(key);
  };
  const snapshot = () => [...held].map(([key, m]) => ({ key, m: new Map(m) }));

  let bytes = 0;
  let peak = -1;
  let at = 0;
  let peakHolders: { key: string; m: Map<PeakHolder['files'][number], number> }[] = [];
  const points: { t: number; bytes: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < edges.length || j < asks.length) {
    const t = Math.min(edges[i]?.t ?? Infinity, asks[j]?.t ?? Infinity);
    while (i < edges.length && (edges[i] as Holding).t === t) {
      const x = edges[i++] as Holding;
      bytes += x.d;
      hold(x.key, x.kind, x.d);
    }
    if (bytes > peak) [peak, at, peakHolders] = [bytes, t, snapshot()];
    points.push({ t, bytes });
    let asked = 0;
    const askers: typeof asks = [];
    while (j < asks.length && (asks[j] as (typeof asks)[number]).t === t) {
      const a = asks[j++] as (typeof asks)[number];
      asked += a.bytes;
      askers.push(a);
    }
    if (askers.length > 0) {
      for (const a of askers) hold(a.key, 'requested', a.bytes);
      if (bytes + asked > peak) [peak, at, peakHolders] = [bytes + asked, t, snapshot()];
      points.push({ t, bytes: bytes + asked }, { t, bytes });
      for (const a of askers) hold(a.key, 'requested', -a.bytes);
    }
  }
  const volumes = peakHolders
    .map(({ key, m }) => {
      const tl = who.get(key) as Who;
      return { volumeId: tl.volumeId, requestId: tl.requestId, bytes: [...m.values()].reduce((s, n) => s + n, 0), files: [...m.keys()].sort() };
    })
    .sort((a, b) => b.bytes - a.bytes || (a.volumeId ?? '').localeCompare(b.volumeId ?? ''));
  return {
    host,
    backends: [...e.backends].sort(),
    peakBytes: Math.max(0, peak),
    at,
    volumes,
    points: dedupe(points),
    noSpace: e.failures.map(({ t, n }) => ({ ...n, volumeId: t.volumeId, requestId: t.requestId })).sort((a, b) => a.at - b.at),
    heldToInputEnd,
  };
}

/** Consecutive points at one instant keep their first and last value (a spike keeps its middle too). */
function dedupe(points: readonly { t: number; bytes: number }[]): { t: number; bytes: number }[] {
  const out: { t: number; bytes: number }[] = [];
  for (const p of points) {
    const prev = out.at(-1);
    if (prev !== undefined && prev.t === p.t && prev.bytes === p.bytes) continue;
    out.push(p);
  }
  return out;
}
