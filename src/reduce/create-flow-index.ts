import { unpin, type Unpinned } from '../model/detach-record.ts';
import type { Flow } from './flow.ts';

/** One host's part of the index, found once per record (see createFlowIndex). */
export interface HostEntry {
  /** A small integer naming the host (the preflow's keys carry it instead of the host's text). */
  readonly id: number;
  readonly name: Unpinned;
  /** The host's latest log time; null until one of its records has a time. */
  time: number | null;
  /** Its open flows by request id (or `volume <id>`); created with the first one. */
  flows: Map<string, Flow> | null;
  /** Its recently closed flows' ids (their lines that come late are not new flows); created with the first one. */
  closed: Set<string> | null;
}

export interface FlowIndex {
  /** The entry of host `name` ('' for none), made on first sight. */
  host(name: string): HostEntry;
  /** The latest log time of host `name`, if it has one. */
  timeOf(name: string): number | undefined;
  /** Every host's entry. */
  hosts(): IterableIterator<HostEntry>;
  /** The open flow `id` of host `h`, made the most recently active. */
  touch(h: HostEntry, id: string): Flow | undefined;
  /** Adds an open flow `id` of host `h`, the most recently active; `id` is no longer closed. */
  add(h: HostEntry, id: string, flow: Flow): void;
  /** Removes an open flow (emitted or evicted); with `closed`, remembers its id as closed. */
  remove(flow: Flow, closed: boolean): void;
  isClosed(h: HostEntry, id: string): boolean;
  /** Where an open flow is kept: its host and id. */
  placeOf(flow: Flow): Place | undefined;
  /** The open flows, least recently active first. */
  flows(): IterableIterator<Flow>;
  readonly size: number;
}

export interface Place {
  readonly host: HostEntry;
  readonly id: string;
}

/**
 * The reducer's open flows and recently closed ids, keyed by host and request id without building a
 * key per record. The simple way is one Map keyed by `${host}\0${requestId}`: in a boot storm (two
 * thirds of the lines carry a request id, 600 hosts) that built, flattened and hashed a fresh
 * 50-character string per record, once more for the closed-flow check, and wrote the host's time
 * into a Map of its own. Here a record's host is looked up once (its entry holds its time, its
 * flows and its closed ids) and the request id within it. What the simple way kept in order is
 * kept the same way: the open flows least recently active first (a Map by flow, moved to the end
 * on each line), the closed ids oldest written first, at most `closedBound` of them (`closedOrder`,
 * written once per emitted flow). test/reduce/flow-index.test.ts compares it with the simple way.
 */
export function createFlowIndex(closedBound: number): FlowIndex {
  const byName = new Map<string, HostEntry>();
  const open = new Map<Flow, Place>();
  /** Closed ids, oldest written first: `${host id} ${id}` (the host id has no space). */
  const closedOrder = new Map<string, Place>();
  const closedKey = (p: Place) => `${p.host.id} ${p.id}`;

  const forget = (p: Place) => {
    closedOrder.delete(closedKey(p));
    p.host.closed?.delete(p.id);
  };

  return {
    host(name) {
      let h = byName.get(name);
      if (h === undefined) {
        // A key outlives the line's read chunk (see unpin).
        const kept = unpin(name);
        h = { id: byName.size, name: kept, time: null, flows: null, closed: null };
        byName.set(kept, h);
      }
      return h;
    },
    timeOf(name) {
      return byName.get(name)?.time ?? undefined;
    },
    hosts: () => byName.values(),
    touch(h, id) {
      const flow = h.flows?.get(id);
      if (flow === undefined) return undefined;
      const place = open.get(flow) as Place;
      open.delete(flow);
      open.set(flow, place);
      return flow;
    },
    add(h, line, flow) {
      const id = unpin(line); // kept as a key past the line's read chunk
      const place: Place = { host: h, id };
      if (h.closed?.has(id) === true) forget(place);
      (h.flows ??= new Map()).set(id, flow);
      open.set(flow, place);
    },
    remove(flow, closed) {
      const p = open.get(flow);
      if (p === undefined) return;
      open.delete(flow);
      p.host.flows?.delete(p.id);
      if (!closed) return;
      const key = closedKey(p);
      closedOrder.delete(key);
      closedOrder.set(key, p);
      (p.host.closed ??= new Set()).add(p.id);
      while (closedOrder.size > closedBound) forget(closedOrder.values().next().value as Place);
    },
    isClosed(h, id) {
      return h.closed?.has(id) === true;
    },
    placeOf: (flow) => open.get(flow),
    flows: () => open.keys(),
    get size() {
      return open.size;
    },
  };
}
