// truth.json: what a careful operator concludes from the log, per user volume.
import type { Image, Vol } from './model.ts';
import type { Py } from './pyrepr.ts';

/** The image_location each volume's flow start line printed (registered by Flow). */
const LOCATIONS = new Map<string, Py>();
export const recordLocation = (volumeId: string, loc: Py): void => {
  LOCATIONS.set(volumeId, loc);
};

/** `(None, None)` or `(None, [])`: Glance exposed no location. */
function hidden(loc: Py | undefined): boolean {
  if (loc === undefined || loc === null || typeof loc !== 'object' || !('tuple' in loc)) return false;
  const [direct, urls] = loc.tuple;
  return direct === null && (urls === null || (Array.isArray(urls) && urls.length === 0));
}

/**
 * Reasons every copy's flow start line reveals, whatever the backend (the convention clonewatch
 * adopted, see samples/README.md): a non-raw image cannot be cloned by RBD or glance-cinder, and a
 * hidden location blocks every location-based clone (RBD, NetApp NFS, glance-cinder, which works on
 * any backend, LVM included). `no-reason-logged` is only for a copy that reveals nothing at all.
 */
function withSpecReasons(vol: Vol, img: Image, reasons: string[]): string[] {
  const out = new Set(reasons);
  if (img.diskFormat !== 'raw') out.add('image-not-raw');
  if (hidden(LOCATIONS.get(vol.id))) out.add('no-image-location');
  if (out.size > 1) out.delete('no-reason-logged');
  return [...out];
}

export type Phase = 'download' | 'convert' | 'volume-copy' | 'clone' | 'temporary-image';
export interface VolumeTruth {
  volumeId: string;
  host: string | null;
  source: 'image' | 'raw' | 'snapshot' | 'source_vol' | 'backup' | 'other';
  imageId: string | null;
  status: 'succeeded' | 'failed' | 'incomplete';
  provisioning: 'clone' | 'copy' | null;
  cloneMethod: 'rbd' | 'netapp' | 'glance-cinder' | 'image-cache' | 'unknown' | null;
  conversion: { from: string; to: string } | null;
  cacheSeeded: boolean;
  reasonCodes: string[];
  phases: Phase[];
  internalVolumes: string[];
}

const COPY_PHASES: Phase[] = ['download', 'temporary-image', 'convert'];

export function copyT(vol: Vol, host: string | null, img: Image, reasons: string[], o: Partial<VolumeTruth> = {}): VolumeTruth {
  return {
    volumeId: vol.id, host, source: 'image', imageId: img.id, status: 'succeeded', provisioning: 'copy', cloneMethod: null,
    conversion: img.diskFormat === 'raw' ? null : { from: img.diskFormat, to: 'raw' },
    cacheSeeded: false, reasonCodes: withSpecReasons(vol, img, reasons), phases: COPY_PHASES, internalVolumes: [], ...o,
  };
}

export function cloneT(vol: Vol, host: string | null, img: Image, method: VolumeTruth['cloneMethod'], o: Partial<VolumeTruth> = {}): VolumeTruth {
  return {
    volumeId: vol.id, host, source: 'image', imageId: img.id, status: 'succeeded', provisioning: 'clone', cloneMethod: method,
    conversion: null, cacheSeeded: false, reasonCodes: [], phases: method === 'unknown' ? [] : ['clone'], internalVolumes: [], ...o,
  };
}

export interface ScenarioTruth {
  scenario: string;
  volumes: VolumeTruth[];
}
