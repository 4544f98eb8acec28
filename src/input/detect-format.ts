import type { InputFormat } from '../model/log-record.ts';
import { classifyLine } from './classify-line.ts';
import { stripAnsi } from './strip-ansi.ts';

const MAX_LINES = 20;
const MAX_HEAD = 256 * 1024;

/** Lines that say nothing about the format: blank, `-- … --` markers, catalog and `...` framing. */
function meaningless(s: string): boolean {
  if (s.startsWith('-- ') || s === '--' || s.charCodeAt(0) === 0x2591) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 46) return false;
  }
  return true;
}

/** More than 5% control characters (other than TAB, LF, CR, FF, ESC, RS) or invalid UTF-8: not text. */
function isBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27 && c !== 30 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad * 20 > n;
}

/** `NAME\n` followed by at least 8 bytes (a binary export field's length): an export stream. */
function startsWithBinaryField(head: Buffer): boolean {
  const nl = head.indexOf(10);
  if (nl <= 0 || nl > 64 || head.length < nl + 9) return false;
  for (let i = 0; i < nl; i++) {
    const c = head[i] ?? 0;
    if (!((c >= 65 && c <= 90) || c === 95 || (i > 0 && c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * Guess the format of an input from its first bytes: look at up to 20 meaningful lines and take
 * the format most of them suggest (`with-unit` wins over `short-full` when any line shows a unit;
 * the precise variants win over their plain forms). An input that starts with an export field
 * line is `export`; one with only `-- … --` markers is `short`. Falls back to `cat` for text that
 * matches nothing; null for empty or blank input and for binary input that matches nothing.
 */
export function detectFormat(head: Buffer): InputFormat | null {
  if (head.length === 0) return null;
  if (startsWithBinaryField(head)) return 'export';
  const text = head.subarray(0, MAX_HEAD).toString('utf8');
  const votes = new Map<InputFormat, number>();
  let seen = 0;
  let markers = 0;
  let start = 0;
  while (start < text.length && seen < MAX_LINES) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let line = text.slice(start, nl);
    start = nl + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.indexOf('\x1b') >= 0) line = stripAnsi(line);
    if (meaningless(line)) {
      if (line.startsWith('--') || line.charCodeAt(0) === 0x2591) markers++;
      continue;
    }
    const f = classifyLine(line);
    if (seen === 0 && f === 'export') return 'export';
    seen++;
    if (f !== null) votes.set(f, (votes.get(f) ?? 0) + 1);
  }
  // Only separator lines: a short-family output with no entries (`-- No entries --`).
  if (seen === 0) return markers > 0 ? 'short' : null;
  const merge = (plain: InputFormat, rich: InputFormat): void => {
    const r = votes.get(rich) ?? 0;
    if (r > 0) {
      votes.set(rich, r + (votes.get(plain) ?? 0));
      votes.delete(plain);
    }
  };
  merge('short-full', 'with-unit');
  merge('short', 'short-precise');
  merge('short-iso', 'short-iso-precise');
  let best: InputFormat | null = null;
  let bestVotes = 0;
  for (const [f, v] of votes) {
    if (v > bestVotes) {
      best = f;
      bestVotes = v;
    }
  }
  if (best !== null) return best;
  return isBinary(text) ? null : 'cat';
}
