import { EVICTION_REASONS, type BackendCacheStats } from '../../reduce/create-image-cache-stats.ts';
import { byReason, hitPercent } from '../describe-image-cache.ts';
import { escapeHtml as e } from './escape-html.ts';

const row = (k: string, v: string) => `<tr><th>${k}</th><td class="num">${v}</td></tr>`;

/** The HTML report's image-volume cache section: a small table per backend (every log string escaped); '' without cache activity. */
export function htmlImageCache(stats: readonly BackendCacheStats[]): string {
  if (stats.length === 0) return '';
  const tables = stats.map((c) => {
    const churn = EVICTION_REASONS.reduce((n, r) => n + c.churn[r], 0);
    const rows = [
      row('hits', String(c.hits)),
      row('misses', String(c.misses)),
      row('hit ratio', hitPercent(c)),
      row('entries created', `${c.created}${c.notCreated ? ` (${c.notCreated} too large to cache)` : ''}`),
      ...EVICTION_REASONS.filter((r) => c.evictions[r] > 0).map((r) => row(`evicted: ${r}`, String(c.evictions[r]))),
      row('missed again after eviction', churn === 0 ? '0' : e(byReason(c.churn))),
      ...(c.limits === null ? [] : [row('limits (max entries / GB)', `${c.limits.maxCount || 'none'} / ${c.limits.maxGb || 'none'}`)]),
      ...(c.peak === null ? [] : [row('held at most, with a new entry', `${c.peak.count} / ${c.peak.gb} GB`)]),
      ...(c.needed === null ? [] : [row('needed for those misses to hit', `${c.needed.maxCount} / ${c.needed.maxGb} GB`)]),
    ];
    const again = c.churnImages.length === 0 ? '' : `<p class="muted">missed again: ${c.churnImages.map((i) => e(i)).join(', ')}</p>`;
    return `<div class="cache-backend"><h3>${e(c.backend)}</h3><table class="image-cache">${rows.join('')}</table>${again}</div>`;
  });
  return `<h2>Image-volume cache</h2>\n<div class="charts">${tables.join('')}</div>\n`;
}
