import type { MayMatch } from '../model/log-record.ts';
import { levelAt } from './level-at.ts';
import type { MutableRecord } from './mutable-record.ts';
import { newOsloHeader, scanOsloHeader } from './scan-oslo-header.ts';
import { parseOsloContext } from './parse-oslo-context.ts';
import { stripDebugSuffix } from './strip-debug-suffix.ts';

/**
 * What a message looked like:
 * - `context`: `LEVEL logger [context] …`, an oslo record;
 * - `prefix`: `LEVEL logger …` without a context (a traceback line, `logging_exception_prefix`);
 * - `plain`: anything else (kernel, sshd, uwsgi, second lines of split multi-line messages).
 */
export type OsloKind = 'context' | 'prefix' | 'plain';

export interface OsloParseOptions {
  /** Two identity tokens mean `user project` (Havana oslo.log files) instead of devstack's `project user`. */
  readonly pairIsUserProject: boolean;
  /**
   * Accept any logger token on lines without a context, and do not look for an embedded oslo.log
   * header. True for oslo.log files, whose header already proved the format; for journal messages a
   * context-less `LEVEL word …` needs a dotted or underscored logger to count as oslo.
   */
  readonly looseLogger: boolean;
  /**
   * The prefilter (createPrefilter): a record with a context whose text no recogniser could match
   * is marked `prefiltered` and spared its DEBUG suffix, user and project. Null: parse everything.
   */
  readonly mayMatch?: MayMatch | null;
}

const header = newOsloHeader();

const isLoggerChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;

/**
 * Parse the oslo.log anatomy of `msg` from `start` (the part after any journald or file prefix,
 * ANSI already stripped): `LEVEL logger [context] [instance: …] message[ DEBUG suffix]`.
 * Fills level, logger, ids, identity, codePid, func and text of `rec`; returns the kind.
 */
export function parseOsloMessage(msg: string, start: number, rec: MutableRecord, opts: OsloParseOptions): OsloKind {
  let i = start;
  let embeddedPid = -1;
  if (!opts.looseLogger) {
    const c = msg.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const after = scanOsloHeader(msg, i, header);
      if (after > 0 && levelAt(msg, after) !== null) {
        i = after;
        embeddedPid = header.pid;
      }
    }
  }
  const level = levelAt(msg, i);
  if (level === null) {
    rec.text = start === 0 ? msg : msg.slice(start);
    return 'plain';
  }
  const loggerStart = i + level.length + 1;
  let loggerEnd = msg.indexOf(' ', loggerStart);
  if (loggerEnd < 0) loggerEnd = msg.length;
  const first = msg.charCodeAt(loggerStart);
  if (loggerEnd <= loggerStart || (first >= 48 && first <= 57) || first === 46 || first === 45) {
    rec.text = start === 0 ? msg : msg.slice(start);
    return 'plain';
  }
  let dotted = false;
  for (let p = loggerStart; p < loggerEnd; p++) {
    const c = msg.charCodeAt(p);
    if (!isLoggerChar(c)) {
      rec.text = start === 0 ? msg : msg.slice(start);
      return 'plain';
    }
    if (c === 46 || c === 95) dotted = true;
  }
  let k = loggerEnd + 1;
  let kind: OsloKind = 'prefix';
  let logger: string | null = null;
  let skim = false;
  if (msg.charCodeAt(k) === 91 && !msg.startsWith('[instance: ', k)) {
    const close = msg.indexOf(']', k + 1);
    if (close > 0) {
      let after = close + 1;
      if (msg.charCodeAt(after) === 32) after++;
      if (opts.mayMatch) {
        logger = msg.slice(loggerStart, loggerEnd);
        const text = textFrom(msg, afterInstance(msg, after));
        // A text starting with `[` may be journalctl's `[NB blob data]` stand-in once its suffix is
        // removed (counted as blob, not a record): parsed in full.
        skim = text.charCodeAt(0) !== 91 && !opts.mayMatch(logger, text);
      }
      if (parseOsloContext(msg, k + 1, close, rec, opts.pairIsUserProject, skim)) {
        kind = 'context';
        k = after;
      } else skim = false;
    }
  }
  if (kind === 'prefix' && !opts.looseLogger && !dotted) {
    rec.text = start === 0 ? msg : msg.slice(start);
    return 'plain';
  }
  rec.level = level;
  rec.logger = logger ?? msg.slice(loggerStart, loggerEnd);
  if (embeddedPid >= 0 && rec.codePid === null) rec.codePid = embeddedPid;
  const text = textFrom(msg, afterInstance(msg, k));
  if (skim) {
    // No recogniser can claim it and, having a context, it never folds into another record: its
    // text is never read, so the DEBUG suffix is left on (see createPrefilter).
    rec.text = text;
    rec.prefiltered = true;
  } else rec.text = level === 'DEBUG' ? stripDebugSuffix(text, rec) : text;
  return kind;
}

/** Index after a `[instance: …] ` prefix at `k`, or `k`. */
function afterInstance(msg: string, k: number): number {
  if (!msg.startsWith('[instance: ', k)) return k;
  const close = msg.indexOf(']', k);
  if (close < 0) return k;
  return msg.charCodeAt(close + 1) === 32 ? close + 2 : close + 1;
}

const textFrom = (msg: string, k: number): string => (k >= msg.length ? '' : msg.slice(k));
