import type { Level } from '../model/log-record.ts';

/**
 * The oslo level word starting at `s[i]` when it is followed by a space (or the end of `s`),
 * else null. Checked with char codes first so non-oslo lines cost one comparison.
 */
export function levelAt(s: string, i: number): Level | null {
  let word: Level;
  switch (s.charCodeAt(i)) {
    case 68: word = 'DEBUG'; break;
    case 73: word = 'INFO'; break;
    case 87: word = 'WARNING'; break;
    case 69: word = 'ERROR'; break;
    case 67: word = 'CRITICAL'; break;
    case 84: word = 'TRACE'; break;
    case 65: word = 'AUDIT'; break;
    default: return null;
  }
  if (!s.startsWith(word, i)) return null;
  const after = i + word.length;
  if (after < s.length && s.charCodeAt(after) !== 32) return null;
  return word;
}
