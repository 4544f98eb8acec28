import type { World } from './journal.ts';
import type { VolumeTruth } from './truth.ts';

export interface Scenario {
  name: string;
  /** journalctl modes besides json and short-precise (e.g. EXTRA_MODES, 'short-precise -a'). */
  modes?: string[];
  merge?: boolean; // journalctl -m (several hosts)
  osloFile?: boolean; // also write cinder-volume.log (Zed+ default format)
  journal?: boolean; // default true
  build(w: World): VolumeTruth[];
  /** extra files written verbatim (oslo-files scenario). */
  files?(w: World): Record<string, string>;
  /** more truth written beside `volumes` in truth.json (glance-merged: images, joins, advice). */
  truth?(): Record<string, unknown>;
}
