const ESC = 0x1b;

/**
 * Where the escape sequence starting at `s[i]` (an ESC) ends: a CSI (`ESC [`, parameter bytes
 * 0x30–0x3F, intermediate bytes 0x20–0x2F, a final byte 0x40–0x7E), an OSC (`ESC ]` up to BEL or
 * `ESC \`), else the ESC and the character after it (if any).
 */
function escapeEnd(s: string, i: number): number {
  const n = s.length;
  const kind = s.charCodeAt(i + 1);
  if (kind === 0x5b) {
    let j = i + 2;
    let c = s.charCodeAt(j);
    while (c >= 0x30 && c <= 0x3f) c = s.charCodeAt(++j);
    while (c >= 0x20 && c <= 0x2f) c = s.charCodeAt(++j);
    if (c >= 0x40 && c <= 0x7e) return j + 1;
  } else if (kind === 0x5d) {
    let j = i + 2;
    let c = s.charCodeAt(j);
    while (j < n && c !== 0x07 && c !== ESC) c = s.charCodeAt(++j);
    if (c === 0x07) return j + 1;
    if (c === ESC && s.charCodeAt(j + 1) === 0x5c) return j + 2;
  }
  return Math.min(i + 2, n);
}

/**
 * Remove ANSI escape sequences: CSI (`\e[…m`, `\e[K`, colon SGR), OSC (`\e]8;;url\e\\`) and any
 * other lone `\e` plus the character after it. Strings without ESC are returned as they are.
 *
 * A scanner, not `s.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[\s\S]?/g, '')`:
 * every devstack line is coloured, and that replace was 9 % of reading a journal file (profiled,
 * 2026-12-06). It removes exactly what the regex removes (a property test checks the two agree).
 */
export function stripAnsi(s: string): string {
  let esc = s.indexOf('\x1b');
  if (esc === -1) return s;
  let out = '';
  let from = 0;
  while (esc !== -1) {
    out += s.slice(from, esc);
    from = escapeEnd(s, esc);
    esc = s.indexOf('\x1b', from);
  }
  return out + s.slice(from);
}
