import type { InputStats, LogRecord } from '../model/log-record.ts';
import type { DiagnosticSink } from './create-diagnostic-sink.ts';
import type { MutableRecord } from './mutable-record.ts';
import type { OsloKind } from './parse-oslo-message.ts';
import { stripDebugSuffix } from './strip-debug-suffix.ts';

/**
 * Holds the last record of an input until the next line or entry that does not continue it, so
 * `extra` is complete when the record is emitted. Counts `records` and `continuation`.
 */
export interface RecordAssembler {
  /**
   * A line or entry parsed into `rec` (`kind` from parseOsloMessage). It starts a record unless it
   * continues the held one: a context-less `ERROR|TRACE logger …` line of the same stream and
   * logger (a traceback line), or a plain line of the same stream after an oslo record (the
   * second line of a multi-line message split into entries), except uwsgi `[pid: …` lines and
   * `[NB blob data]` stand-ins.
   */
  entry(rec: MutableRecord, kind: OsloKind, out: LogRecord[]): void;
  /** A line that can only continue the held record; null = count it but keep no text (doc framing). */
  continuation(text: string | null, line: number): void;
  /** Emit the held record, if any. */
  flush(out: LogRecord[]): void;
}

/** journalctl's `[14B blob data]` / `[4.8K blob data]` stand-in for an unprintable MESSAGE. */
const isBlob = (t: string): boolean => t.charCodeAt(0) === 91 && t.endsWith(' blob data]');

const sameStream = (a: MutableRecord, b: MutableRecord): boolean =>
  a.pid === b.pid && a.ident === b.ident && a.host === b.host;

function finish(rec: MutableRecord): LogRecord {
  if (rec.level === 'DEBUG' && rec.func === null && rec.extra.length > 0) {
    const last = rec.extra.length - 1;
    rec.extra[last] = stripDebugSuffix(rec.extra[last] ?? '', rec);
  }
  return rec;
}

export function createRecordAssembler(stats: InputStats, sink: DiagnosticSink): RecordAssembler {
  let held: MutableRecord | null = null;

  const fold = (into: MutableRecord, rec: MutableRecord): void => {
    into.extra.push(rec.text);
    for (const line of rec.extra) into.extra.push(line);
    stats.continuation += 1;
  };

  return {
    entry(rec, kind, out) {
      const h = held;
      if (h !== null && kind !== 'context' && sameStream(h, rec)) {
        if (kind === 'prefix') {
          if ((rec.level === 'ERROR' || rec.level === 'TRACE') && rec.logger === h.logger && h.logger !== null) {
            fold(h, rec);
            return;
          }
        } else if (h.logger !== null && h.level !== null && !rec.text.startsWith('[pid: ') && !isBlob(rec.text)) {
          fold(h, rec);
          return;
        }
      }
      if (h !== null) out.push(finish(h));
      held = rec;
      stats.records += 1;
    },
    continuation(text, line) {
      stats.continuation += 1;
      if (text === null) return;
      if (held !== null) {
        held.extra.push(text);
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
      if (held !== null) {
        out.push(finish(held));
        held = null;
      }
    },
  };
}
