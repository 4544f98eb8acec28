/** A journalctl separator line: a boot marker, a reboot marker, or any other `-- … --`/catalog line. */
export type Marker = { readonly kind: 'boot'; readonly bootId: string } | { readonly kind: 'reboot' } | { readonly kind: 'other' };

const REBOOT: Marker = { kind: 'reboot' };
const OTHER: Marker = { kind: 'other' };

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/**
 * Classify a short-family or verbose line that is not an entry: `-- Boot <32 hex> --`,
 * `-- Reboot --`, `-- Logs begin at … --`, `-- Journal begins at … --`, `-- No entries --`,
 * `-- cursor: …`, and `-x` catalog lines (`░░ …`, or `-- …` in the C locale). Null otherwise.
 */
export function parseMarker(s: string): Marker | null {
  if (s.charCodeAt(0) === 0x2591) return OTHER;
  if (!s.startsWith('-- ')) return s === '--' ? OTHER : null;
  if (s.startsWith('-- Boot ') && s.length === 43 && s.endsWith(' --')) {
    for (let i = 8; i < 40; i++) if (!isHex(s.charCodeAt(i))) return OTHER;
    return { kind: 'boot', bootId: s.slice(8, 40).toLowerCase() };
  }
  if (s === '-- Reboot --') return REBOOT;
  return OTHER;
}
