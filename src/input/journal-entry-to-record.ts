import type { Level, MayMatch } from '../model/log-record.ts';
import { microsNumberToMs, microsToMs } from '../time/micros-to-ms.ts';
import { pushExtra, type MutableRecord } from './mutable-record.ts';
import { parseOsloMessage, type OsloKind, type OsloParseOptions } from './parse-oslo-message.ts';
import { stripAnsi } from './strip-ansi.ts';
import { stripDebugSuffix } from './strip-debug-suffix.ts';

/** Reads one decoded field of the current entry (undefined = absent, null = too large to show). */
export type FieldGetter = (name: string) => string | null | undefined;

const OSLO: OsloParseOptions = { pairIsUserProject: false, looseLogger: false };
/** The options with each prefilter, made once per prefilter (not per entry). */
const prefiltering = new WeakMap<MayMatch, OsloParseOptions>();
function withPrefilter(mayMatch: MayMatch): OsloParseOptions {
  const opts = { ...OSLO, mayMatch };
  prefiltering.set(mayMatch, opts);
  return opts;
}

const LEVELS: ReadonlySet<string> = new Set(['DEBUG', 'INFO', 'AUDIT', 'WARNING', 'ERROR', 'CRITICAL', 'TRACE']);
const PRIORITY_LEVELS: readonly Level[] = ['CRITICAL', 'CRITICAL', 'CRITICAL', 'ERROR', 'WARNING', 'WARNING', 'INFO', 'DEBUG'];

function toPid(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s.length === 0 || s.length > 10) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return n;
}

const orNull = (v: string | null | undefined): string | null => (v === undefined || v === '' ? null : v);

/** oslo.log `use_journal=True` entries: logger, level and request context from their own fields. */
function nativeOslo(get: FieldGetter, loggerName: string, first: string, rec: MutableRecord): void {
  const kind = parseOsloMessage(first, 0, rec, OSLO);
  if (kind === 'plain' || rec.logger !== loggerName) {
    rec.globalRequestId = null;
    rec.requestId = null;
    rec.user = null;
    rec.project = null;
    rec.codePid = null;
    rec.func = null;
    rec.logger = loggerName;
    const named = get('LOGGER_LEVEL');
    const prio = toPid(get('PRIORITY'));
    rec.level =
      typeof named === 'string' && LEVELS.has(named)
        ? (named as Level)
        : prio !== null && prio < PRIORITY_LEVELS.length
          ? (PRIORITY_LEVELS[prio] ?? null)
          : null;
    rec.text = rec.level === 'DEBUG' ? stripDebugSuffix(first, rec) : first;
  }
  rec.requestId ??= orNull(get('REQUEST_ID'));
  rec.user ??= orNull(get('USER_NAME')) ?? orNull(get('USER_ID'));
  rec.project ??= orNull(get('PROJECT_NAME')) ?? orNull(get('PROJECT_ID'));
  rec.func ??= orNull(get('CODE_FUNC'));
}

/**
 * Fill `rec` from one journal entry (json, export or verbose) whose MESSAGE is `message`:
 * time from `_SOURCE_REALTIME_TIMESTAMP` else `__REALTIME_TIMESTAMP`, host, identifier, PID,
 * unit, boot id, then the oslo anatomy of the first message line (with the prefilter
 * `mayMatch` when given); further lines go to `extra`. Entries with oslo.log's own journal fields
 * (LOGGER_NAME) are never prefiltered: their logger is that field's. `realtimeUs`: the entry's
 * `__REALTIME_TIMESTAMP` as a number, when the caller has it so (a journal file's entry header),
 * instead of `get`'s string (profiled: turning a 16-digit number into a string for every entry
 * and parsing it back was ~5 % of decoding a journal file's entries).
 */
export function journalEntryToRecord(get: FieldGetter, message: string, rec: MutableRecord, mayMatch: MayMatch | null = null, realtimeUs: number | null = null): OsloKind {
  rec.time = microsToMs(get('_SOURCE_REALTIME_TIMESTAMP')) ?? (realtimeUs === null ? microsToMs(get('__REALTIME_TIMESTAMP')) : microsNumberToMs(realtimeUs));
  rec.host = orNull(get('_HOSTNAME'));
  rec.ident = orNull(get('SYSLOG_IDENTIFIER')) ?? orNull(get('_COMM'));
  rec.pid = toPid(get('_PID')) ?? toPid(get('SYSLOG_PID'));
  rec.unit = orNull(get('_SYSTEMD_UNIT'));
  rec.bootId = orNull(get('_BOOT_ID'));
  let msg = stripAnsi(message);
  if (msg.charCodeAt(msg.length - 1) === 10) msg = msg.slice(0, -1);
  const nl = msg.indexOf('\n');
  const first = nl < 0 ? msg : msg.slice(0, nl);
  const loggerName = orNull(get('LOGGER_NAME'));
  let kind: OsloKind;
  if (loggerName !== null) {
    nativeOslo(get, loggerName, first, rec);
    kind = 'context';
  } else {
    kind = parseOsloMessage(first, 0, rec, mayMatch === null ? OSLO : (prefiltering.get(mayMatch) ?? withPrefilter(mayMatch)));
  }
  if (nl >= 0) {
    const rest = msg.slice(nl + 1).split('\n');
    for (const line of rest) pushExtra(rec, line);
  }
  return kind;
}
