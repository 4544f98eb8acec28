const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[\s\S]?/g;

/**
 * Remove ANSI escape sequences: CSI (`\e[…m`, `\e[K`, colon SGR), OSC (`\e]8;;url\e\\`) and any
 * other lone `\e` plus the character after it. Strings without ESC are returned as they are.
 */
export function stripAnsi(s: string): string {
  if (s.indexOf('\x1b') === -1) return s;
  return s.replace(ANSI, '');
}
