import type { LogRecord } from './log-record.ts';

/**
 * A copy of `s` that does not keep a larger string alive. Strings cut from a line (`slice`,
 * regex groups, split2's lines) are, in V8, views into the whole decoded read chunk (64 KiB or
 * more): keeping one 36-character request id kept the chunk. Measured on the 1 GB bench journal:
 * the heap left after a full GC grew from 17 MB (110 MB of input) to 45 MB (1 GB) until what
 * outlives its chunk was copied. The copy is made by concatenation and a slice, which V8 flattens
 * into a string of the copy's own size.
 */
export const unpin = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

const unpinOrNull = (s: string | null): string | null => (s === null ? null : unpin(s));

/**
 * The record with every string copied (see unpin), for records kept after their read chunk is
 * gone: recognised ones, held by flows, images and timelines (about 1 line in 300). Same content.
 */
export function detachRecord(r: LogRecord): LogRecord {
  return {
    input: r.input,
    line: r.line,
    time: r.time,
    bootId: unpinOrNull(r.bootId),
    host: unpinOrNull(r.host),
    ident: unpinOrNull(r.ident),
    unit: unpinOrNull(r.unit),
    pid: r.pid,
    codePid: r.codePid,
    level: r.level,
    logger: unpinOrNull(r.logger),
    globalRequestId: unpinOrNull(r.globalRequestId),
    requestId: unpinOrNull(r.requestId),
    user: unpinOrNull(r.user),
    project: unpinOrNull(r.project),
    func: unpinOrNull(r.func),
    text: unpin(r.text),
    extra: r.extra.length === 0 ? r.extra : r.extra.map(unpin),
  };
}
