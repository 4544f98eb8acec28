import type { StorePlacement } from '../reduce/image.ts';
import type { Palette } from './palette.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

/** An image's stores for a terminal: `name (type T, backend B, …)`, comma-separated; every log-derived string through terminalSafe. */
export function formatStores(stores: readonly StorePlacement[], p: Palette): string {
  return stores
    .map((s) => `${safe(s.name)}${s.volumeType || s.backends.length ? p.dim(` (${[s.volumeType && `type ${safe(s.volumeType)}`, s.backends.length > 0 && `backend ${s.backends.map(safe).join(', ')}`].filter(Boolean).join(', ')})`) : ''}`)
    .join(', ');
}
