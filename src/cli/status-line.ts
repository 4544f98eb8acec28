import type { Progress } from '../pipeline/analyse.ts';

/** The one-line live status (stderr, TTY only): rate of lines, open flows, clones, copies, last conversion. */
export function statusLine(p: Progress, prev: Progress | null, elapsedMs: number, clones: number, copies: number): string {
  const rate = prev === null || elapsedMs <= 0 ? 0 : Math.round(((p.read - prev.read) * 1000) / elapsedMs);
  const conv = p.lastConversionMbps === null ? '–' : `${p.lastConversionMbps.toFixed(1)} MB/s`;
  return `clonewatch: ${rate} lines/s · ${p.openFlows} open · ${clones} clones · ${copies} copies · last conversion ${conv}`;
}
