import type { Scenario } from '../lib/scenario.ts';
import copyWithConversion from './copy-with-conversion.ts';
import rawCopy from './raw-copy.ts';
import glanceCinderClone from './glance-cinder-clone.ts';
import glanceCinderFallbacks from './glance-cinder-fallbacks.ts';
import cacheHit from './cache-hit.ts';
import cacheMissSeeded from './cache-miss-seeded.ts';
import rbdClone from './rbd-clone.ts';
import rbdFallback from './rbd-fallback.ts';
import netappClone from './netapp-clone.ts';
import failure from './failure.ts';
import incomplete from './incomplete.ts';
import infoOnly from './info-only.ts';
import multiHost from './multi-host.ts';
import colouredJson from './coloured-json.ts';
import osloFiles from './oslo-files.ts';
import yearRollover from './year-rollover.ts';
import releaseWordings from './release-wordings.ts';
import glanceMerged from './glance-merged.ts';
import burst from './burst.ts';
import conversionSpace from './conversion-space.ts';
import conversionDisabled from './conversion-disabled.ts';
import glanceCinderNotTried from './glance-cinder-not-tried.ts';
import cacheChurn from './cache-churn.ts';
import placement from './placement.ts';
import placementSingle from './placement-single.ts';

export const SCENARIOS: Scenario[] = [
  copyWithConversion, rawCopy, glanceCinderClone, glanceCinderFallbacks, cacheHit, cacheMissSeeded,
  rbdClone, rbdFallback, netappClone, failure, incomplete, infoOnly, multiHost, colouredJson,
  osloFiles, yearRollover, releaseWordings, glanceMerged, burst, conversionSpace, conversionDisabled, glanceCinderNotTried, cacheChurn, placement, placementSingle,
];
