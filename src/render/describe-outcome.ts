import type { Timeline } from '../reduce/timeline.ts';

/** One short phrase for a volume's outcome: `clone (rbd)`, `copy qcow2→raw`, `failed copy`, `raw volume` … */
export function describeOutcome(t: Timeline): string {
  const what = t.provisioning === 'clone'
    ? `clone (${t.cloneMethod ?? 'unknown'})`
    : t.provisioning === 'copy'
      ? `copy${t.conversion ? ` ${t.conversion.from}→${t.conversion.to}` : ''}${t.cacheSeeded ? ', seeded the image cache' : ''}`
      : t.source === 'image' ? 'from image' : t.source === 'other' ? 'volume (its creation type is not in the input)' : `${t.source.replace('_', ' ')} volume`;
  if (t.status === 'failed') return `failed ${what}`;
  if (t.status === 'incomplete') return `incomplete ${what}`;
  return what;
}
