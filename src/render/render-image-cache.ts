import type { BackendCacheStats } from '../reduce/create-image-cache-stats.ts';
import { describeImageCache } from './describe-image-cache.ts';
import type { Palette } from './palette.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

/** The report's image-volume cache section: a line per backend, then what its limits held and what the lookups needed. */
export function renderImageCache(stats: readonly BackendCacheStats[], p: Palette): string {
  const out = [p.bold('Image-volume cache')];
  for (const c of stats) {
    out.push(`  ${safe(c.backend)}: ${describeImageCache(c)}`);
    const more: string[] = [];
    if (c.peak !== null) more.push(`at most ${c.peak.count} entries / ${c.peak.gb} GB with a new entry`);
    if (c.needed !== null) more.push(`the lookups needed ${c.needed.maxCount} entries / ${c.needed.maxGb} GB to hit`);
    if (c.churnImages.length > 0) more.push(`missed again: ${c.churnImages.map(safe).join(', ')}`);
    if (more.length > 0) out.push(`    ${p.dim(more.join(' · '))}`);
  }
  return `${out.join('\n')}\n`;
}
