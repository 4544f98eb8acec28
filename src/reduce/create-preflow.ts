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
   * A line of request `key` that is not (yet) in a flow: the first one is remembered (time and
   * origin), later ones add their event (at most `maxEvents`). Once more than `capacity` keys are
   * held, the one noted first is forgotten.
   */
  note(key: string, time: number | null, input: string, line: number, event: Event | null): void;
  /** What was noted for `key`, forgotten from now on; undefined if nothing (or forgotten). */
  take(key: string): PreflowEntry | undefined;
  /** Keys held now. */
  readonly size: number;
}

/** Longest key kept as bytes; longer ones (and non-Latin-1 ones) are kept as strings. */
const KEY_BYTES = 96;

/** A 30-bit hash of a string: a small integer, which V8 keeps in a Map without allocating. */
export function hashKey(key: string): number {
  let a = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) a = Math.imul(a ^ key.charCodeAt(i), 0x9e3779b1);
  a ^= a >>> 15;
  return Math.imul(a, 0x85ebca6b) >>> 2;
}

/**
 * The request ids seen before their flow opened (bounded, oldest forgotten first), held without a
 * heap object or string per id. Every periodic task's request id passes through here, about one
 * line in three of a cinder-volume journal; a string key and an entry object each, kept until 4096
 * newer ids pushed them out, outlived the young generation and were most of the old generation's
 * garbage: peak RSS on the 1 GB bench journal 176 → 119 MB without them. Keys are copied as bytes
 * into an arena and found by a 30-bit hash, checked byte for byte (a key that collides with a held
 * one, or does not fit, goes to a plain Map: exact either way). Values live in columns by slot.
 * `hash` is for tests (forcing collisions).
 */
export function createPreflow(capacity: number, maxEvents: number, hash: (key: string) => number = hashKey): Preflow {
  const slots = capacity + 1;
  const byHash = new Map<number, number>();
  const byString = new Map<string, number>();
  const arena = new Uint8Array(slots * KEY_BYTES);
  const keyLength = new Int32Array(slots);
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

  const fits = (key: string): boolean => {
    if (key.length > KEY_BYTES) return false;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 255) return false;
    return true;
  };

  const sameKey = (slot: number, key: string): boolean => {
    if (keyLength[slot] !== key.length) return false;
    const base = slot * KEY_BYTES;
    for (let i = 0; i < key.length; i++) if (arena[base + i] !== key.charCodeAt(i)) return false;
    return true;
  };

  const find = (key: string, h: number): number | undefined => {
    const s = byHash.get(h);
    if (s !== undefined && sameKey(s, key)) return s;
    return byString.size === 0 ? undefined : byString.get(key);
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
    note(key, time, input, line, event) {
      const h = hash(key);
      const known = find(key, h);
      if (known !== undefined) {
        const list = events[known] ?? null;
        if (event === null || (list?.length ?? 0) >= maxEvents) return;
        if (list === null) events[known] = [event];
        else list.push(event);
        return;
      }
      const slot = free.pop() as number;
      if (fits(key) && !byHash.has(h)) {
        byHash.set(h, slot);
        keyHash[slot] = h;
        keyLength[slot] = key.length;
        const base = slot * KEY_BYTES;
        for (let i = 0; i < key.length; i++) arena[base + i] = key.charCodeAt(i);
      } else {
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
    take(key) {
      const slot = find(key, hash(key));
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
