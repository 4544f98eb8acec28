import type { Timeline } from '../reduce/timeline.ts';

export interface BackendSavings {
  readonly backend: string;
  readonly copies: number;
  readonly copyMs: number;
  readonly clones: number;
  /** The yardstick: median duration of the succeeded clones on this backend; null when there was none. */
  readonly cloneMedianMs: number | null;
  /** Σ max(0, copy duration − yardstick) over the copies on this backend; null without a yardstick. */
  readonly savedMs: number | null;
}

export interface TimeSplit {
  readonly copies: { count: number; totalMs: number; medianMs: number | null };
  readonly clones: { count: number; totalMs: number; medianMs: number | null };
  /** What clones would have saved, over the copies that have a yardstick. */
  readonly savedMs: number;
  readonly comparedCopies: number;
  readonly uncomparedCopies: number;
  readonly byBackend: readonly BackendSavings[];
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const duration = (t: Timeline) => (t.start === null || t.end === null ? null : Math.max(0, t.end - t.start));

/**
 * Time spent in succeeded copies and clones, and the time clones would have saved: each copy is
 * compared with the median succeeded clone on the same backend (a copy on a backend where nothing
 * was cloned has no yardstick and is counted apart, not guessed).
 */
export function cloneSavings(timelines: readonly Timeline[]): TimeSplit {
  const copies: { backend: string; ms: number }[] = [];
  const clones = new Map<string, number[]>();
  const allClones: number[] = [];
  for (const t of timelines) {
    const ms = duration(t);
    if (t.status !== 'succeeded' || ms === null) continue;
    const backend = t.backend ?? '?';
    if (t.provisioning === 'copy') copies.push({ backend, ms });
    else if (t.provisioning === 'clone') {
      allClones.push(ms);
      const list = clones.get(backend) ?? [];
      list.push(ms);
      clones.set(backend, list);
    }
  }
  const backends = [...new Set([...copies.map((c) => c.backend), ...clones.keys()])].sort();
  const byBackend: BackendSavings[] = backends.map((backend) => {
    const mine = copies.filter((c) => c.backend === backend);
    const yard = backend === '?' ? null : median(clones.get(backend) ?? []);
    const copyMs = mine.reduce((a, c) => a + c.ms, 0);
    const savedMs = yard === null ? null : mine.reduce((a, c) => a + Math.max(0, c.ms - yard), 0);
    return { backend, copies: mine.length, copyMs, clones: clones.get(backend)?.length ?? 0, cloneMedianMs: yard, savedMs };
  });
  const compared = byBackend.filter((b) => b.savedMs !== null);
  const copyMsAll = copies.map((c) => c.ms);
  return {
    copies: { count: copies.length, totalMs: copyMsAll.reduce((a, b) => a + b, 0), medianMs: median(copyMsAll) },
    clones: { count: allClones.length, totalMs: allClones.reduce((a, b) => a + b, 0), medianMs: median(allClones) },
    savedMs: compared.reduce((a, b) => a + (b.savedMs ?? 0), 0),
    comparedCopies: compared.reduce((a, b) => a + b.copies, 0),
    uncomparedCopies: byBackend.filter((b) => b.savedMs === null).reduce((a, b) => a + b.copies, 0),
    byBackend,
  };
}
