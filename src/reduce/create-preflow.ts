import { unpin } from '../model/detach-record.ts';
import type { Origin } from '../model/log-record.ts';
import type { Event } from '../recognise/event.ts';

/** What is known of a request id before its flow opens: its first line, and context events. */
export interface PreflowEntry {
  readonly time: number | null;
  readonly origin: Origin;
  readonly events: readonly Event[];
}

export interface Preflow {
  /**
   * A line of request `id` on host number `host` (a key: see createFlowIndex's HostEntry.id) that
   * is not (yet) in a flow: the first one is remembered (time and origin), later ones add their
   * event (at most `maxEvents`). Once more than `capacity` keys are held, the one noted first is forgotten.
   */
  note(host: number, id: string, time: number | null, input: string, line: number, event: Event | null): void;
  /** What was noted for (`host`, `id`), forgotten from now on; undefined if nothing (or forgotten). */
  take(host: number, id: string): PreflowEntry | undefined;
  /** Keys held now. */
  readonly size: number;
}

/** Longest id kept as bytes; longer ones (and non-Latin-1 ones) are kept as strings. */
const KEY_BYTES = 96;

/** Finishes a key's hash (see note): a 30-bit small integer, which V8 keeps in a Map without allocating. */
const finish = (a: number): number => {
  const b = a ^ (a >>> 15);
  return Math.imul(b, 0x85ebca6b) >>> 2;
};

/**
 * The request ids seen before their flow opened (bounded, oldest forgotten first), held without a
 * heap object or string per id. Every periodic task's request id passes through here, about one
 * line in three of a cinder-volume journal; a string key and an entry object each, kept until 4096
 * newer ids pushed them out, outlived the young generation and were most of the old generation's
 * garbage: peak RSS on the 1 GB bench journal 176 → 119 MB without them. Keys are the host's
 * number and the id's bytes in an arena, found by a 30-bit hash, checked byte for byte (a key that
 * collides with a held one, or does not fit, goes to a plain Map: exact either way). Values live in
 * columns by slot.
 *
 * A boot storm notes a new id on every second line (142k notes, 95k new ids per 109 MB), so a note
 * reads the id once: one loop hashes it, checks it is Latin-1 and writes its bytes into the slot an
 * insert would take (`scratch`, always free), where a held key is compared and a new one stays.
 * (It took four loops over a 50-character `host\0id` string before: hash, compare, check, copy.)
 * test/reduce/preflow.test.ts compares it with a plain Map. `hash` is for tests (forcing collisions).
 */
export function createPreflow(capacity: number, maxEvents: number, hash: ((host: number, id: string) => number) | null = null): Preflow {
  const slots = capacity + 1;
  const byHash = new Map<number, number>();
  const byString = new Map<string, number>();
  const arena = new Uint8Array(slots * KEY_BYTES);
  const keyLength = new Int32Array(slots);
  const keyHost = new Int32Array(slots);
  const keyHash = new Int32Array(slots);
  const stringKey: (string | null)[] = new Array<string | null>(slots).fill(null);
  /** Bumped when a slot is filled and when it is emptied: an order entry is live while it matches. */
  const generation = new Uint32Array(slots);
  const times = new Float64Array(slots);
  const hasTime = new Uint8Array(slots);
  const lines = new Float64Array(slots);
  const inputs: string[] = new Array<string>(slots).fill('');
  const events: (Event[] | null)[] = new Array<Event[] | null>(slots).fill(null);
  const free: number[] = [];
  for (let s = slots - 1; s >= 0; s--) free.push(s);
  /** Insertion order: (slot, generation) pairs from `head`; entries of emptied slots are skipped. */
  let orderSlot: number[] = [];
  let orderGen: number[] = [];
  let head = 0;

  /** The slot the next insert takes: free has `slots` − held ≥ 1 entries whenever a note starts. */
  const scratchSlot = () => free[free.length - 1] as number;
  /** Set by read(): whether the id fits the arena (Latin-1, at most KEY_BYTES). */
  let fits = false;

  /** The key's hash; the id's bytes are left in the scratch slot and `fits` is set. One loop over the id. */
  const read = (host: number, id: string): number => {
    const n = id.length;
    const base = scratchSlot() * KEY_BYTES;
    let a = Math.imul(0x811c9dc5 ^ host, 0x9e3779b1);
    let wide = 0;
    if (n <= KEY_BYTES) {
      for (let i = 0; i < n; i++) {
        const c = id.charCodeAt(i);
        wide |= c;
        arena[base + i] = c;
        a = Math.imul(a ^ c, 0x9e3779b1);
      }
    } else {
      for (let i = 0; i < n; i++) a = Math.imul(a ^ id.charCodeAt(i), 0x9e3779b1);
    }
    fits = n <= KEY_BYTES && wide <= 255;
    return hash === null ? finish(a) : hash(host, id);
  };

  /** Whether held slot `slot` has the key just read into the scratch slot. */
  const sameKey = (slot: number, host: number, n: number): boolean => {
    if (keyLength[slot] !== n || keyHost[slot] !== host) return false;
    const base = slot * KEY_BYTES;
    const other = scratchSlot() * KEY_BYTES;
    for (let i = 0; i < n; i++) if (arena[base + i] !== arena[other + i]) return false;
    return true;
  };

  const stringKeyOf = (host: number, id: string) => `${host}\u0000${id}`;

  /** The slot holding (host, id), just read(): a fitting key is found by its hash, any key in byString. */
  const find = (host: number, id: string, h: number): number | undefined => {
    if (fits) {
      const s = byHash.get(h);
      if (s !== undefined && sameKey(s, host, id.length)) return s;
    }
    return byString.size === 0 ? undefined : byString.get(stringKeyOf(host, id));
  };

  const remove = (slot: number) => {
    const sk = stringKey[slot];
    if (sk !== null && sk !== undefined) byString.delete(sk);
    else byHash.delete(keyHash[slot] as number);
    stringKey[slot] = null;
    generation[slot] = ((generation[slot] as number) + 1) >>> 0;
    events[slot] = null;
    inputs[slot] = '';
    free.push(slot);
  };

  const evictOldest = () => {
    while (head < orderSlot.length) {
      const s = orderSlot[head] as number;
      const g = orderGen[head] as number;
      head++;
      if (generation[s] === g) {
        remove(s);
        break;
      }
    }
    // Keep the order arrays about the size of what is held (entries of taken keys pile up otherwise).
    if (head > slots || orderSlot.length - head > 4 * slots) compact();
  };

  const compact = () => {
    const ns: number[] = [];
    const ng: number[] = [];
    for (let i = head; i < orderSlot.length; i++) {
      const s = orderSlot[i] as number;
      if (generation[s] === orderGen[i]) {
        ns.push(s);
        ng.push(orderGen[i] as number);
      }
    }
    orderSlot = ns;
    orderGen = ng;
    head = 0;
  };

  return {
    note(host, id, time, input, line, event) {
      const h = read(host, id);
      const known = find(host, id, h);
      if (known !== undefined) {
        const list = events[known] ?? null;
        if (event === null || (list?.length ?? 0) >= maxEvents) return;
        if (list === null) events[known] = [event];
        else list.push(event);
        return;
      }
      const slot = free.pop() as number; // the scratch slot: a fitting id's bytes are in place
      if (fits && !byHash.has(h)) {
        byHash.set(h, slot);
        keyHash[slot] = h;
        keyLength[slot] = id.length;
        keyHost[slot] = host;
      } else {
        const key = unpin(stringKeyOf(host, id)); // kept: a copy that keeps no read chunk
        byString.set(key, slot);
        stringKey[slot] = key;
      }
      generation[slot] = ((generation[slot] as number) + 1) >>> 0;
      hasTime[slot] = time === null ? 0 : 1;
      times[slot] = time ?? 0;
      lines[slot] = line;
      inputs[slot] = input;
      events[slot] = event === null ? null : [event];
      orderSlot.push(slot);
      orderGen.push(generation[slot] as number);
      if (byHash.size + byString.size > capacity) evictOldest();
      else if (orderSlot.length - head > 4 * slots) compact();
    },
    take(host, id) {
      const slot = find(host, id, read(host, id));
      if (slot === undefined) return undefined;
      const entry: PreflowEntry = {
        time: hasTime[slot] === 1 ? (times[slot] as number) : null,
        origin: { input: inputs[slot] as string, line: lines[slot] as number },
        events: events[slot] ?? [],
      };
      remove(slot);
      return entry;
    },
    get size() {
      return byHash.size + byString.size;
    },
  };
}
