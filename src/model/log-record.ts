/**
 * The contract between the input layer (src/input, src/time) and the core
 * (src/recognise, src/reduce). Everything here is plain data: no streams.
 */

/** Every input format clonewatch reads. Names follow `journalctl -o <mode>`; `oslo` is a plain oslo.log file; `journal` a systemd journal file (read natively). */
export const INPUT_FORMATS = [
  'short',
  'short-precise',
  'short-iso',
  'short-iso-precise',
  'short-full',
  'with-unit',
  'short-unix',
  'short-monotonic',
  'short-delta',
  'verbose',
  'cat',
  'json',
  'json-pretty',
  'json-sse',
  'json-seq',
  'export',
  'oslo',
  'journal',
] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export type Level = 'DEBUG' | 'INFO' | 'AUDIT' | 'WARNING' | 'ERROR' | 'CRITICAL' | 'TRACE';

/** Where a record came from, for diagnostics: input name and 1-based line (entry number for export). */
export interface Origin {
  readonly input: string;
  readonly line: number;
}

/**
 * One log record after framing, oslo message parsing and folding of continuation
 * lines. Text fields are already stripped of ANSI escape sequences.
 */
export interface LogRecord extends Origin {
  /** Epoch milliseconds (fraction = sub-ms precision), or null when the input carries no usable time. */
  readonly time: number | null;
  /** journald _BOOT_ID or the id in the last `-- Boot … --` marker, when known. */
  readonly bootId: string | null;
  readonly host: string | null;
  /** SYSLOG_IDENTIFIER (or _COMM, or the unit in with-unit mode): `cinder-volume`, `devstack@g-api.service` … */
  readonly ident: string | null;
  /** systemd unit when known (_SYSTEMD_UNIT, or with-unit mode). */
  readonly unit: string | null;
  /** Process id: journald _PID / SYSLOG_PID, or the oslo.log PID field. */
  readonly pid: number | null;
  /** PID from devstack's DEBUG suffix `{{(pid=N) …}}` / `from (pid=N) …`, the real worker PID. */
  readonly codePid: number | null;
  readonly level: Level | null;
  /** Python logger name, e.g. `cinder.volume.flows.manager.create_volume`. */
  readonly logger: string | null;
  readonly globalRequestId: string | null;
  readonly requestId: string | null;
  readonly user: string | null;
  readonly project: string | null;
  /** Function name from the DEBUG suffix, when present. */
  readonly func: string | null;
  /** The message text: no timestamp/level/logger/context prefix, no DEBUG suffix, no `[instance: …] `. */
  readonly text: string;
  /** Folded continuation lines (traceback lines, second lines of multi-line messages), ANSI-stripped. */
  readonly extra: readonly string[];
  /**
   * True when no recogniser could match the text (see createPrefilter): the record was parsed only
   * as far as the reducer and the record assembler need (no DEBUG suffix, user or project).
   */
  readonly prefiltered?: boolean;
}

/** The prefilter's test: false when no recogniser row of `logger` could match `text` (see createPrefilter). */
export type MayMatch = (logger: string | null, text: string) => boolean;

/** Counters every input reports; they add up: read = records + prefiltered + continuation + markers + blank + malformed + blob. */
export interface InputStats {
  /** Lines (text formats) or entries (export, json-pretty) read. */
  read: number;
  /** Lines/entries that started a record. */
  records: number;
  /** Lines/entries folded into a previous record (or orphan continuation lines). */
  continuation: number;
  /** `-- Boot … --`, `-- Reboot --`, `-- Logs begin at … --`, `-- No entries --`, catalog lines, cursor lines. */
  markers: number;
  /** Empty lines. */
  blank: number;
  /** Lines/entries that could not be parsed in the input's format (bad JSON, wrong field types, oversize …). */
  malformed: number;
  /**
   * Entries whose message journalctl printed as `[169B blob data]` (a message with colour codes or
   * other unprintable bytes, without `--all`): no text, so not records.
   */
  blob: number;
  /** Records that no recogniser could match (see createPrefilter), not counted in `records`. */
  prefiltered: number;
}

export const emptyStats = (): InputStats => ({ read: 0, records: 0, continuation: 0, markers: 0, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });

/** One diagnostic shape for everything the tool tells the user about its input or options (style §4). */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  /** Stable machine code, e.g. `input-not-found`, `malformed-json`, `line-too-long`. */
  readonly code: string;
  /** Sentence case, quoted values, the action first and detail after a colon. */
  readonly message: string;
  readonly where?: Origin;
}
