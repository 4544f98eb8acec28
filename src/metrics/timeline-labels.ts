import { REASONS } from '../reduce/reasons.ts';
import type { Timeline } from '../reduce/timeline.ts';

/** The bounded label values of one timeline: no ids, and a fixed word for what the log did not say. */
export function timelineLabels(t: Timeline) {
  return {
    status: t.status,
    provisioning: t.provisioning ?? 'none',
    clone_method: t.cloneMethod ?? 'none',
    backend: t.backend ?? 'unknown',
  };
}

/** A reason code as a label value; anything outside the known table is `other`. */
export function reasonLabel(code: string): string {
  return Object.hasOwn(REASONS, code) ? code : 'other';
}
