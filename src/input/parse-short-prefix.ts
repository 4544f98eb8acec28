import type { MutableRecord } from './mutable-record.ts';

/**
 * Parse `[HOST ]IDENT[[PID]]: ` starting at `s[start]` into host, ident and pid of `rec`.
 * The prefix ends at the first `: `; a trailing `[digits]` is the PID; the first space splits
 * host from an identifier that may itself contain spaces (`node1 my app[2]: …`); without a space
 * there is no host (`nohost[1]: …`). Returns the index where the message starts, or -1.
 */
export function parseShortPrefix(s: string, start: number, rec: MutableRecord): number {
  let colon = s.indexOf(': ', start);
  let msgStart: number;
  if (colon < 0) {
    if (s.length <= start + 1 || s.charCodeAt(s.length - 1) !== 58) return -1;
    colon = s.length - 1;
    msgStart = s.length;
  } else {
    msgStart = colon + 2;
  }
  if (colon <= start) return -1;
  let identEnd = colon;
  if (s.charCodeAt(colon - 1) === 93) {
    const open = s.lastIndexOf('[', colon - 2);
    if (open > start && open < colon - 2) {
      let pid = 0;
      let ok = true;
      for (let i = open + 1; i < colon - 1; i++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) {
          ok = false;
          break;
        }
        pid = pid * 10 + c;
      }
      if (ok) {
        rec.pid = pid;
        identEnd = open;
      }
    }
  }
  const sp = s.indexOf(' ', start);
  if (sp >= 0 && sp < identEnd) {
    rec.host = s.slice(start, sp);
    rec.ident = sp + 1 < identEnd ? s.slice(sp + 1, identEnd) : null;
  } else {
    rec.ident = s.slice(start, identEnd);
  }
  return msgStart;
}
