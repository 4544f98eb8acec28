import type { InputStats, LogRecord, MayMatch } from '../model/log-record.ts';
import type { DiagnosticSink } from './create-diagnostic-sink.ts';
import { pushExtra, type MutableRecord } from './mutable-record.ts';
import type { OsloKind } from './parse-oslo-message.ts';
import { stripDebugSuffix } from './strip-debug-suffix.ts';

/**
 * Holds records of an input until no further line or entry can continue them, so `extra` is
 * complete when a record is emitted. Records are emitted in input order. Counts `records` (or
 * `prefiltered`, see createPrefilter) and `continuation`.
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
  /** The line of the first `[NB blob data]` entry (counted in `stats.blob`, not a record), 0 if none. */
  readonly firstBlobLine: number;
}

/** Records held at most while waiting for their stream's next entry (a bound on memory and delay). */
export const PENDING_RECORDS = 64;
/** PIDs whose stream lists are kept, empty, before the empty ones are swept (a bound on memory). */
const SWEEP_PIDS = 4096;
/** A continuation entry separated from its record by other streams' entries must follow it this closely. */
export const FOLD_WINDOW_MS = 1000;

/** journalctl's `[14B blob data]` / `[4.8K blob data]` stand-in for an unprintable MESSAGE. */
const isBlob = (t: string): boolean => t.charCodeAt(0) === 91 && t.endsWith(' blob data]');

/**
 * The latest pending record of each stream (host, identifier, PID), looked up by PID first: a
 * number key and a short list compared by string equality. (Profiled: a `host\0ident\0pid`
 * string key, built and hashed for every line, was most of the assembler's cost.)
 */
class Streams {
  private readonly byPid = new Map<number, MutableRecord[]>();

  private listOf(r: MutableRecord): MutableRecord[] | undefined {
    return this.byPid.get(r.pid ?? -1);
  }

  get(r: MutableRecord): MutableRecord | undefined {
    const list = this.listOf(r);
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) {
      const h = list[i] as MutableRecord;
      if (h.host === r.host && h.ident === r.ident) return h;
    }
    return undefined;
  }

  /** Makes `r` the latest record of its stream. */
  set(r: MutableRecord): void {
    const pid = r.pid ?? -1;
    const list = this.byPid.get(pid);
    if (list === undefined) {
      this.byPid.set(pid, [r]);
      return;
    }
    for (let i = 0; i < list.length; i++) {
      const h = list[i] as MutableRecord;
      if (h.host === r.host && h.ident === r.ident) {
        list[i] = r;
        return;
      }
    }
    list.push(r);
  }

  /** True when `r` is still the latest record of its stream. */
  isLatest(r: MutableRecord): boolean {
    return this.get(r) === r;
  }

  /**
   * Forgets `r` if it is the latest record of its stream. A PID's list is kept when it empties
   * (the PID usually logs again) and the empty ones are swept once SWEEP_PIDS PIDs are known.
   * Measured: deleting and re-adding a PID for nearly every line made V8 keep about one byte per
   * input byte past a young-generation collection (200 MB promoted per 200 MB of journal, against
   * 8 MB this way), which the old generation then had to collect.
   */
  release(r: MutableRecord): void {
    const list = this.listOf(r);
    if (list === undefined) return;
    const i = list.indexOf(r);
    if (i < 0) return;
    list[i] = list[list.length - 1] as MutableRecord;
    list.pop();
    if (list.length === 0 && this.byPid.size > SWEEP_PIDS) {
      for (const [pid, l] of this.byPid) if (l.length === 0) this.byPid.delete(pid);
    }
  }

  clear(): void {
    this.byPid.clear();
  }
}

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

/** `mayMatch`: the prefilter; a record it rules out is marked `prefiltered` (see createPrefilter). */
export function createRecordAssembler(stats: InputStats, sink: DiagnosticSink, mayMatch: MayMatch | null = null): RecordAssembler {
  /** Records not yet emitted, in input order: `pending[first..]` (a queue without shift()'s copying). */
  let pending: MutableRecord[] = [];
  let first = 0;
  const latest = new Streams();
  let firstBlobLine = 0;

  const fold = (into: MutableRecord, rec: MutableRecord): void => {
    pushExtra(into, rec.text);
    for (const line of rec.extra) pushExtra(into, line);
    stats.continuation += 1;
  };

  const emitHead = (out: LogRecord[]): void => {
    const head = pending[first] as MutableRecord;
    first++;
    if (first === pending.length) {
      pending = [];
      first = 0;
    } else if (first >= 1024) {
      pending = pending.slice(first);
      first = 0;
    }
    latest.release(head);
    out.push(finish(head));
  };

  /** Emit, from the oldest, records nothing can continue any more (the last record always waits). */
  const release = (out: LogRecord[]): void => {
    while (pending.length - first > 1) {
      const head = pending[first] as MutableRecord;
      if (pending.length - first <= PENDING_RECORDS && head.logger !== null && latest.isLatest(head)) return;
      emitHead(out);
    }
  };

  return {
    entry(rec, kind, out) {
      if (isBlob(rec.text)) {
        stats.blob += 1;
        if (firstBlobLine === 0) firstBlobLine = rec.line;
        return;
      }
      const h = latest.get(rec);
      const last = pending[pending.length - 1];
      if (h !== undefined && continues(h, rec, kind) && (h === last || closeInTime(h.time, rec.time))) {
        fold(h, rec);
        return;
      }
      pending.push(rec);
      latest.set(rec);
      if (!rec.prefiltered && mayMatch !== null && !mayMatch(rec.logger, rec.text)) rec.prefiltered = true;
      if (rec.prefiltered) stats.prefiltered += 1;
      else stats.records += 1;
      release(out);
    },
    continuation(text, line) {
      stats.continuation += 1;
      if (text === null) return;
      const last = pending.length > first ? pending[pending.length - 1] : undefined;
      if (last !== undefined) {
        pushExtra(last, text);
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
      while (pending.length > first) emitHead(out);
      pending = [];
      first = 0;
      latest.clear();
    },
    get firstBlobLine() {
      return firstBlobLine;
    },
  };
}
