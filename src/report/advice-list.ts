import type { Advice, Timeline } from '../reduce/timeline.ts';
import { compareText } from '../model/compare-text.ts';

export interface AdviceItem extends Advice {
  /** How many of the volumes it applies to. */
  readonly volumes: number;
}

/** The timelines' advice, deduplicated (same code, message and command), most widespread first. */
export function adviceList(timelines: readonly Timeline[]): AdviceItem[] {
  const seen = new Map<string, { advice: Advice; volumes: number }>();
  for (const t of timelines) {
    const mine = new Set<string>();
    for (const a of t.advice ?? []) {
      const key = JSON.stringify([a.code, a.message, a.command]);
      if (mine.has(key)) continue;
      mine.add(key);
      const s = seen.get(key) ?? { advice: a, volumes: 0 };
      s.volumes++;
      seen.set(key, s);
    }
  }
  return [...seen.values()]
    .sort((a, b) => b.volumes - a.volumes || compareText(a.advice.code, b.advice.code))
    .map(({ advice, volumes }) => ({ code: advice.code, message: advice.message, command: advice.command, volumes }));
}
