import type { MutableRecord } from './mutable-record.ts';

const MAX_TOKENS = 16;
const starts = new Int32Array(MAX_TOKENS);
const ends = new Int32Array(MAX_TOKENS);

const isReq = (s: string, t: number): boolean => s.startsWith('req-', starts[t] ?? 0);
const isNone = (s: string, t: number): boolean =>
  (ends[t] ?? 0) - (starts[t] ?? 0) === 4 && s.startsWith('None', starts[t] ?? 0);
const tok = (s: string, t: number): string => s.slice(starts[t] ?? 0, ends[t] ?? 0);
/** `-` and `None` (oslo's renderings of an empty value) become null. */
const value = (s: string, t: number): string | null => {
  const a = starts[t] ?? 0;
  const len = (ends[t] ?? 0) - a;
  if (len === 1 && s.charCodeAt(a) === 45) return null;
  if (len === 4 && s.startsWith('None', a)) return null;
  return s.slice(a, a + len);
};

/**
 * Parse the inside of an oslo `[context]`, `s[start..end)`, into the record's request ids and
 * identity. Returns false when it does not look like a context (then it is message text).
 *
 * - `-` → no context;
 * - `<global|None> req-… <identity…>` (Zed+, devstack) → globalRequestId, requestId;
 * - `req-… <identity…>` (pre-Zed 5 fields, Havana 2 fields, redacted `req-...`) → requestId;
 * - identity of exactly two tokens: `project user` (devstack) unless `pairIsUserProject`
 *   (Havana oslo.log files: `user tenant`); otherwise `user project …`.
 * `idsOnly` (a prefiltered record, see createPrefilter): the request ids without the identity.
 */
export function parseOsloContext(
  s: string,
  start: number,
  end: number,
  rec: MutableRecord,
  pairIsUserProject: boolean,
  idsOnly = false,
): boolean {
  let n = 0;
  let p = start;
  while (p < end && n < MAX_TOKENS) {
    while (p < end && s.charCodeAt(p) === 32) p++;
    if (p >= end) break;
    let q = s.indexOf(' ', p);
    if (q < 0 || q > end) q = end;
    starts[n] = p;
    ends[n] = q;
    n++;
    p = q;
  }
  if (n === 0) return false;
  if (n === 1 && ends[0]! - starts[0]! === 1 && s.charCodeAt(starts[0]!) === 45) return true;
  let idStart: number;
  if (n >= 2 && (isNone(s, 0) || isReq(s, 0)) && isReq(s, 1)) {
    rec.globalRequestId = isNone(s, 0) ? null : tok(s, 0);
    rec.requestId = tok(s, 1);
    idStart = 2;
  } else if (isReq(s, 0)) {
    rec.requestId = tok(s, 0);
    idStart = 1;
  } else if (n >= 2 && isNone(s, 0)) {
    rec.requestId = value(s, 1);
    idStart = 2;
  } else if (n >= 2 && isReq(s, 1)) {
    rec.globalRequestId = value(s, 0);
    rec.requestId = tok(s, 1);
    idStart = 2;
  } else {
    return false;
  }
  if (idsOnly) return true;
  const ids = n - idStart;
  if (ids === 2 && !pairIsUserProject) {
    rec.project = value(s, idStart);
    rec.user = value(s, idStart + 1);
  } else if (ids >= 1) {
    rec.user = value(s, idStart);
    rec.project = ids >= 2 ? value(s, idStart + 1) : null;
  }
  return true;
}
