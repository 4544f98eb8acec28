import type { MutableRecord } from './mutable-record.ts';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Index after the digits at `s[i]`, or -1 when there are none. */
function digitsEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  return j > i ? j : -1;
}

/** `path:line` with no spaces (`/opt/stack/cinder/cinder/volume/manager.py:456`). */
function isPathLine(s: string, a: number, b: number): boolean {
  const colon = s.lastIndexOf(':', b - 1);
  if (colon <= a || colon >= b - 1) return false;
  for (let i = colon + 1; i < b; i++) if (!isDigit(s.charCodeAt(i))) return false;
  const sp = s.indexOf(' ', a);
  return sp < 0 || sp >= b;
}

/** `path:line` with an absolute path ending in `.py` (`/opt/demo/demo.py:26`). */
function isPyPathLine(s: string, a: number, b: number): boolean {
  if (s.charCodeAt(a) !== 47) return false;
  const colon = s.lastIndexOf(':', b - 1);
  if (colon <= a + 3 || colon >= b - 1) return false;
  for (let i = colon + 1; i < b; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return s.startsWith('.py', colon - 3);
}

/**
 * Remove an oslo DEBUG suffix from the end of `text`, recording `codePid` and `func`:
 * devstack ` {{(pid=N) func path:line}}` / ` {{func path:line}}`, old devstack
 * ` from (pid=N) func path[:line]`, and oslo's default ` func /abs/path.py:N`.
 * Returns the text without the suffix (unchanged when there is none).
 */
export function stripDebugSuffix(text: string, rec: MutableRecord): string {
  const len = text.length;
  if (len >= 4 && text.charCodeAt(len - 1) === 125 && text.charCodeAt(len - 2) === 125) {
    let k = text.lastIndexOf('{{');
    if (k >= 0) {
      const innerEnd = len - 2;
      let i = k + 2;
      let pid: number | null = null;
      if (text.startsWith('(pid=', i)) {
        const d = digitsEnd(text, i + 5);
        if (d < 0 || text.charCodeAt(d) !== 41 || text.charCodeAt(d + 1) !== 32) return text;
        pid = Number(text.slice(i + 5, d));
        i = d + 2;
      }
      const sp = text.indexOf(' ', i);
      if (sp <= i || sp >= innerEnd || !isPathLine(text, sp + 1, innerEnd)) return text;
      if (pid !== null) rec.codePid = pid;
      rec.func = text.slice(i, sp);
      if (k > 0 && text.charCodeAt(k - 1) === 32) k -= 1;
      return text.slice(0, k);
    }
    return text;
  }
  const from = text.lastIndexOf(' from (pid=');
  if (from >= 0) {
    const d = digitsEnd(text, from + 11);
    if (d > 0 && text.charCodeAt(d) === 41 && text.charCodeAt(d + 1) === 32) {
      const fStart = d + 2;
      const sp = text.indexOf(' ', fStart);
      if (sp > fStart && text.charCodeAt(sp + 1) === 47 && text.indexOf(' ', sp + 1) < 0) {
        rec.codePid = Number(text.slice(from + 11, d));
        rec.func = text.slice(fStart, sp);
        return text.slice(0, from);
      }
    }
  }
  const k1 = text.lastIndexOf(' ');
  if (k1 <= 0 || !isPyPathLine(text, k1 + 1, len)) return text;
  const k2 = text.lastIndexOf(' ', k1 - 1);
  const fStart = k2 + 1;
  if (fStart >= k1) return text;
  rec.func = text.slice(fStart, k1);
  return k2 < 0 ? '' : text.slice(0, k2);
}
