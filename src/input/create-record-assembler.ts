import type { InputStats, LogRecord } from '../model/log-record.ts';
import type { DiagnosticSink } from './create-diagnostic-sink.ts';
import type { MutableRecord } from './mutable-record.ts';
import type { OsloKind } from './parse-oslo-message.ts';
import { stripDebugSuffix } from './strip-debug-suffix.ts';

/**
 * Holds records of an input until no further line or entry can continue them, so `extra` is
 * complete when a record is emitted. Records are emitted in input order. Counts `records` and
 * `continuation`.
 */
export interface RecordAssembler {
  /**
   * A line or entry parsed into `rec` (`kind` from parseOsloMessage). It starts a record unless it
   * continues the latest record of its stream (same host, identifier and PID): a context-less
   * `ERROR|TRACE logger …` line of the same logger (a traceback line), or a plain line after an
   * oslo record (the second line of a multi-line message split into entries), except uwsgi
   * `[pid: …` lines and `[NB blob data]` stand-ins. Entries of other streams may come in between
   * (journald interleaves processes and hosts), within PENDING_RECORDS records and, when both
   * carry times, FOLD_WINDOW_MS.
   */
  entry(rec: MutableRecord, kind: OsloKind, out: LogRecord[]): void;
  /** A line that can only continue the last record; null = count it but keep no text (doc framing). */
  continuation(text: string | null, line: number): void;
  /** Emit every held record, in input order. */
  flush(out: LogRecord[]): void;
}

/** Records held at most while waiting for their stream's next entry (a bound on memory and delay). */
export const PENDING_RECORDS = 64;
/** A continuation entry separated from its record by other streams' entries must follow it this closely. */
export const FOLD_WINDOW_MS = 1000;

/** journalctl's `[14B blob data]` / `[4.8K blob data]` stand-in for an unprintable MESSAGE. */
const isBlob = (t: string): boolean => t.charCodeAt(0) === 91 && t.endsWith(' blob data]');

const streamKey = (r: MutableRecord): string => `${r.host ?? ''}\u0000${r.ident ?? ''}\u0000${r.pid ?? ''}`;

function finish(rec: MutableRecord): LogRecord {
  if (rec.level === 'DEBUG' && rec.func === null && rec.extra.length > 0) {
    const last = rec.extra.length - 1;
    rec.extra[last] = stripDebugSuffix(rec.extra[last] ?? '', rec);
  }
  return rec;
}

/** True when `rec` (an entry of the same stream as `h`) is a further line of `h`. */
function continues(h: MutableRecord, rec: MutableRecord, kind: OsloKind): boolean {
  if (kind === 'context') return false;
  if (kind === 'prefix') return (rec.level === 'ERROR' || rec.level === 'TRACE') && rec.logger === h.logger && h.logger !== null;
  return h.logger !== null && h.level !== null && !rec.text.startsWith('[pid: ') && !isBlob(rec.text);
}

const closeInTime = (a: number | null, b: number | null): boolean => a === null || b === null || Math.abs(b - a) <= FOLD_WINDOW_MS;

export function createRecordAssembler(stats: InputStats, sink: DiagnosticSink): RecordAssembler {
  /** Records not yet emitted, in input order (a ring would do; PENDING_RECORDS keeps it small). */
  let pending: MutableRecord[] = [];
  /** The stream key of each pending record, at the same index (an array, not a Map: profiled). */
  let pendingKeys: string[] = [];
  /** The latest pending record of each stream. */
  const latest = new Map<string, MutableRecord>();

  const fold = (into: MutableRecord, rec: MutableRecord): void => {
    into.extra.push(rec.text);
    for (const line of rec.extra) into.extra.push(line);
    stats.continuation += 1;
  };

  const emitHead = (out: LogRecord[]): void => {
    const head = pending.shift();
    const key = pendingKeys.shift();
    if (head === undefined || key === undefined) return;
    if (latest.get(key) === head) latest.delete(key);
    out.push(finish(head));
  };

  /** Emit, from the oldest, records nothing can continue any more (the last record always waits). */
  const release = (out: LogRecord[]): void => {
    while (pending.length > 1) {
      const head = pending[0] as MutableRecord;
      const waiting = head.logger !== null && latest.get(pendingKeys[0] as string) === head;
      if (waiting && pending.length <= PENDING_RECORDS) return;
      emitHead(out);
    }
  };

  return {
    entry(rec, kind, out) {
      const key = streamKey(rec);
      const h = latest.get(key);
      const last = pending[pending.length - 1];
      if (h !== undefined && continues(h, rec, kind) && (h === last || closeInTime(h.time, rec.time))) {
        fold(h, rec);
        return;
      }
      pending.push(rec);
      pendingKeys.push(key);
      latest.set(key, rec);
      stats.records += 1;
      release(out);
    },
    continuation(text, line) {
      stats.continuation += 1;
      if (text === null) return;
      const last = pending[pending.length - 1];
      if (last !== undefined) {
        last.extra.push(text);
        return;
      }
      sink.report(
        'info',
        'orphan-continuation',
        'Counted a continuation line that follows no record: the input starts in the middle of a record',
        line,
      );
    },
    flush(out) {
      while (pending.length > 0) emitHead(out);
      pending = [];
      pendingKeys = [];
      latest.clear();
    },
  };
}
