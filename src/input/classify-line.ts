import type { InputFormat } from '../model/log-record.ts';

const VERBOSE = /^[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? \S+ \[s=[0-9a-f]{32};i=/;
const FULL = /^[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ /;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(?:[+-]\d\d:?\d\d|Z) /;
const UNIX = /^ *\d{9,}\.\d{6} /;
const DELTA = /^\[ *\d+\.\d{6} (?:<| {16}\])/;
const MONO = /^\[ *\d+\.\d{6}\] /;
const SHORT = /^\S{3,} [ \d]\d \d\d:\d\d:\d\d(\.\d{6})? /;
const OSLO = /^\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? /;
const EXPORT_FIELD = /^[A-Z_][A-Z0-9_]*=/;
/** A `short-full` line whose identifier slot (after weekday, date, time, zone and host) is a unit. */
const UNIT_IDENT = /^\S+ \S+ \S+ \S+ \S+ [^\s[:]+\.(?:service|scope|slice|socket|mount|timer|target)(?:\/[^\s[:]+)?(?:\[\d+\])?: /;

/**
 * The format one line suggests (§9 of journald-formats.md), or null when it suggests none.
 * `with-unit` is reported when a `short-full` line's identifier slot holds a unit name.
 */
export function classifyLine(s: string): InputFormat | null {
  const c = s.charCodeAt(0);
  if (c === 0x1e) return 'json-seq';
  if (c === 123) {
    if (s.length === 1 || s.trim() === '{') return 'json-pretty';
    if (s.charCodeAt(1) === 34) return 'json';
    return null;
  }
  if (s.startsWith('data: {')) return 'json-sse';
  if (EXPORT_FIELD.test(s)) return 'export';
  if (c >= 65 && c <= 90 && s.charCodeAt(3) === 32) {
    if (VERBOSE.test(s)) return 'verbose';
    if (FULL.test(s)) return UNIT_IDENT.test(s) ? 'with-unit' : 'short-full';
  }
  if (c >= 48 && c <= 57) {
    const iso = ISO.exec(s);
    if (iso !== null) return iso[1] !== undefined ? 'short-iso-precise' : 'short-iso';
    if (UNIX.test(s)) return 'short-unix';
    if (OSLO.test(s)) return 'oslo';
  }
  if (c === 91) {
    if (MONO.test(s)) return 'short-monotonic';
    if (DELTA.test(s)) return 'short-delta';
  }
  const short = SHORT.exec(s);
  if (short !== null) return short[1] !== undefined ? 'short-precise' : 'short';
  if ((c === 32 || c === 9) && OSLO.test(s)) return 'oslo';
  return null;
}
