import { buildPhases } from './build-phases.ts';
import { conversionDirUse } from './conversion-dir-use.ts';
import type { Flow } from './flow.ts';

/** Bytes one host holds in image_conversion_dir now (live mode). */
export interface HeldNow {
  readonly host: string | null;
  readonly bytes: number;
  /** Open creates holding some of them. */
  readonly volumes: number;
}

/**
 * What the open creates hold in image_conversion_dir right now, per host: the files whose release
 * line has not come yet (see conversionDirUse; a finished create has released its files). Walks the
 * open flows' events, so it is for a scrape now and then, not for every line.
 */
export function heldInConversionDir(flows: Iterable<Flow>): HeldNow[] {
  const byHost = new Map<string, { bytes: number; volumes: number }>();
  for (const f of flows) {
    const phases = buildPhases(f.events, f.first, f.last, false);
    const use = conversionDirUse(f.events, phases, f.last, true, f.spec);
    const bytes = (use?.files ?? []).filter((x) => x.end === null).reduce((s, x) => s + x.bytes, 0);
    if (bytes === 0) continue;
    const key = f.host ?? '';
    const h = byHost.get(key) ?? { bytes: 0, volumes: 0 };
    byHost.set(key, { bytes: h.bytes + bytes, volumes: h.volumes + 1 });
  }
  return [...byHost].map(([host, h]) => ({ host: host === '' ? null : host, ...h })).sort((a, b) => (a.host ?? '').localeCompare(b.host ?? ''));
}
