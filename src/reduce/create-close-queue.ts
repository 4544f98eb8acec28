/**
 * Flows waiting out their close grace, found without walking them all on every record.
 *
 * A flow is due when its close time has passed on its own host's log time, or when the latest
 * log time of any host (the watermark) is `skewMs` past it (its own host may have gone quiet).
 * Each host has a min-heap by close time and one more heap holds every entry for the skew rule,
 * so a record costs O(log n) in the flows due, not O(flows closing) as the walk it replaces did.
 * Rescheduling pushes a new entry; an entry is stale once it is no longer its flow's latest.
 * Due flows come out in the order they were first scheduled, which is the order the walk over
 * an insertion-ordered Set produced (output byte-identical).
 */
export interface CloseQueue<F extends object> {
  /** `flow` closes at `closeAt`; a later call for the same flow replaces its time, not its place in order. */
  schedule(flow: F, host: string, closeAt: number): void;
  /** The flow is gone (emitted or evicted): it is never returned again. */
  remove(flow: F): void;
  /**
   * Removes and returns the flows now due, in first-scheduled order. `host`: the host whose log
   * time moved (null: every host's did), `hostTime` gives a host's time.
   */
  takeDue(host: string | null, hostTime: (host: string) => number, watermark: number): F[];
  readonly size: number;
}

interface Entry<F> {
  readonly flow: F;
  readonly host: string;
  readonly closeAt: number;
  readonly order: number;
}

export function createCloseQueue<F extends object>(skewMs: number): CloseQueue<F> {
  const latest = new Map<F, Entry<F>>();
  const byHost = new Map<string, Entry<F>[]>();
  const all: Entry<F>[] = [];
  let next = 0;
  const NONE: F[] = [];

  const live = (e: Entry<F>) => latest.get(e.flow) === e;
  let found: Entry<F>[] = [];
  let now = 0;
  let hostTime: (host: string) => number = () => 0;
  const ownDue = (e: Entry<F>) => e.closeAt <= hostTime(e.host);
  const skewDue = (e: Entry<F>) => e.closeAt + skewMs <= now;
  /** Pops entries from the heap while they are stale or due, adding the live due ones to `found`. */
  const drain = (heap: Entry<F>[], due: (e: Entry<F>) => boolean) => {
    for (let top = heap[0]; top !== undefined; top = heap[0]) {
      if (!live(top)) pop(heap);
      else if (due(top)) found.push(pop(heap));
      else break;
    }
  };

  const drainHost = (name: string) => {
    const h = byHost.get(name);
    if (h === undefined) return;
    drain(h, ownDue);
    if (h.length === 0) byHost.delete(name);
  };

  return {
    schedule(flow, host, closeAt) {
      // A flow has an entry in `latest` from its first schedule until it is removed or due.
      const e: Entry<F> = { flow, host, closeAt, order: latest.get(flow)?.order ?? next++ };
      latest.set(flow, e);
      let h = byHost.get(host);
      if (h === undefined) byHost.set(host, (h = []));
      push(h, e);
      push(all, e);
    },
    remove(flow) {
      latest.delete(flow);
    },
    takeDue(host, timeOf, watermark) {
      if (latest.size === 0) {
        // Only stale entries are left.
        if (all.length > 0) {
          all.length = 0;
          byHost.clear();
        }
        return NONE;
      }
      now = watermark;
      hostTime = timeOf;
      if (host === null) for (const name of byHost.keys()) drainHost(name);
      else drainHost(host);
      drain(all, skewDue);
      if (found.length === 0) return NONE;
      // One flow can be due by both rules: keep one of its entries.
      const due = [...new Set(found)].sort((a, b) => a.order - b.order);
      found = [];
      for (const e of due) latest.delete(e.flow);
      return due.map((e) => e.flow);
    },
    get size() {
      return latest.size;
    },
  };
}

function push<F>(heap: Entry<F>[], e: Entry<F>): void {
  let i = heap.push(e) - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = heap[p] as Entry<F>;
    if (parent.closeAt <= e.closeAt) break;
    heap[i] = parent;
    i = p;
  }
  heap[i] = e;
}

function pop<F>(heap: Entry<F>[]): Entry<F> {
  const top = heap[0] as Entry<F>;
  const last = heap.pop() as Entry<F>;
  if (heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) break;
    const r = l + 1;
    const c = r < heap.length && (heap[r] as Entry<F>).closeAt < (heap[l] as Entry<F>).closeAt ? r : l;
    if ((heap[c] as Entry<F>).closeAt >= last.closeAt) break;
    heap[i] = heap[c] as Entry<F>;
    i = c;
  }
  heap[i] = last;
  return top;
}
