import type { LogRecord } from './log-record.ts';

/**
 * A copy of `s` that does not keep a larger string alive. Strings cut from a line (`slice`,
 * regex groups, split2's lines) are, in V8, views into the whole decoded read chunk (64 KiB or
 * more): keeping one 36-character request id kept the chunk. Measured on the 1 GB bench journal:
 * the heap left after a full GC grew from 17 MB (110 MB of input) to 45 MB (1 GB) until what
 * outlives its chunk was copied. The copy is made by concatenation and a slice, which V8 flattens
 * into a string of the copy's own size.
 */
export const unpin = (s: string): Unpinned => (s.length < 13 ? s : (' ' + s).slice(1)) as Unpinned;

declare const unpinned: unique symbol;

/**
 * A string that keeps no read chunk alive: a copy made by unpin (or one too short for V8 to cut out
 * of its parent). Code that keeps a string past its line takes this type, so the compiler, not the
 * reader, checks that it was copied.
 */
export type Unpinned = string & { readonly [unpinned]: true };

/**
 * A record detached from its read chunk (detachRecord): every string it holds is Unpinned. Flows,
 * images and timelines keep only these; a plain LogRecord is valid only while its line is read.
 */
export interface DetachedRecord extends LogRecord {
  readonly bootId: Unpinned | null;
  readonly host: Unpinned | null;
  readonly ident: Unpinned | null;
  readonly unit: Unpinned | null;
  readonly logger: Unpinned | null;
  readonly globalRequestId: Unpinned | null;
  readonly requestId: Unpinned | null;
  readonly user: Unpinned | null;
  readonly project: Unpinned | null;
  readonly func: Unpinned | null;
  readonly text: Unpinned;
  readonly extra: readonly Unpinned[];
}

/**
 * A bounded table of unpinned copies: the same text gives the same copy while it is held. The
 * strings of a recognised record repeat from record to record (host, identifier, logger, the
 * request id of a flow's 35 lines in a boot storm); one shared copy per text instead of one per
 * record is what a flow keeps alive for its events. When `limit` texts are held the table starts
 * again (a text seen later is copied once more): bounded, and equal content either way.
 */
export function createInterner(limit = 4096): (s: string) => Unpinned {
  let held = new Map<string, Unpinned>();
  return (s) => {
    if (s.length < 13) return s as Unpinned; // what unpin returns as it is (V8 copies short cuts)
    const known = held.get(s);
    if (known !== undefined) return known;
    if (held.size >= limit) held = new Map();
    const copy = unpin(s);
    held.set(copy, copy);
    return copy;
  };
}

/**
 * The record with every string copied (see unpin), for records kept after their read chunk is
 * gone: recognised ones, held by flows, images and timelines (about 1 line in 300). Same content.
 * `copy` (createInterner) shares one copy of the strings that repeat between records; the text and
 * the continuation lines are the record's own (`text`: its copy, when the caller made it already).
 */
export function detachRecord(r: LogRecord, copy: (s: string) => Unpinned = unpin, text: Unpinned = unpin(r.text)): DetachedRecord {
  const orNull = (s: string | null): Unpinned | null => (s === null ? null : copy(s));
  return {
    input: r.input,
    line: r.line,
    time: r.time,
    bootId: orNull(r.bootId),
    host: orNull(r.host),
    ident: orNull(r.ident),
    unit: orNull(r.unit),
    pid: r.pid,
    codePid: r.codePid,
    level: r.level,
    logger: orNull(r.logger),
    globalRequestId: orNull(r.globalRequestId),
    requestId: orNull(r.requestId),
    user: orNull(r.user),
    project: orNull(r.project),
    func: orNull(r.func),
    text,
    // An empty list holds no string (the shared empty array is kept as it is).
    extra: r.extra.length === 0 ? (r.extra as readonly Unpinned[]) : r.extra.map(unpin),
  };
}
