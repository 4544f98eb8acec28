import { balancedParens, parseImageLocation, type ImageLocation } from './parse-image-location.ts';

/** The facts clonewatch needs from the `with specification: {…}` dict of the flow start line. */
export interface VolumeSpec {
  readonly volumeName: string | null;
  readonly volumeSizeGiB: number | null;
  readonly imageId: string | null;
  readonly imageName: string | null;
  readonly diskFormat: string | null;
  readonly containerFormat: string | null;
  readonly imageSizeBytes: number | null;
  readonly virtualSizeBytes: number | null;
  readonly location: ImageLocation | null;
  /** The image's stores (multi-store Glance: its `stores` property, comma-separated). */
  readonly stores: readonly string[];
  /** The image's `cinder_encryption_key_id` property: an image of an encrypted volume, which cinder writes only into an encrypted volume. */
  readonly imageEncryptionKeyId: string | null;
  readonly sourceVolumeId: string | null;
  readonly snapshotId: string | null;
  readonly backupId: string | null;
}

/** How a key's pattern is matched: `execAt` in production; tests pass the plain `re.exec` from 0 to compare. */
export type SpecMatcher = (spec: string, needle: string, re: RegExp) => RegExpExecArray | null;

/** Reads the Python repr of cinder's volume spec with targeted patterns; never throws, missing keys are null. */
export function parseVolumeSpec(spec: string, exec: SpecMatcher = execAt): VolumeSpec {
  const str = (s: string, key: string): string | null => {
    const p = patterns(key);
    const m = exec(s, p.needle, p.str);
    return m === null ? null : (m[1] ?? m[2] ?? null);
  };
  const int = (s: string, key: string): number | null => {
    const p = patterns(key);
    const m = exec(s, p.needle, p.int);
    return m?.[1] === undefined ? null : Number(m[1]);
  };
  const at = spec.indexOf("'image_location': ");
  const locationText = at >= 0 ? balancedParens(spec, at) : null;
  return {
    volumeName: str(spec, 'volume_name'),
    volumeSizeGiB: int(spec, 'volume_size'),
    imageId: str(spec, 'image_id'),
    imageName: str(spec, 'name'),
    diskFormat: str(spec, 'disk_format'),
    containerFormat: str(spec, 'container_format'),
    imageSizeBytes: int(spec, 'size'),
    virtualSizeBytes: int(spec, 'virtual_size'),
    location: locationText === null ? null : parseImageLocation(locationText),
    stores: (str(spec, 'stores') ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
    imageEncryptionKeyId: str(spec, 'cinder_encryption_key_id'),
    sourceVolumeId: str(spec, 'source_volid'),
    snapshotId: str(spec, 'snapshot_id'),
    backupId: str(spec, 'backup_id'),
  };
}

interface KeyPatterns {
  /** `'key': `, which every match of the patterns contains. */
  readonly needle: string;
  readonly str: RegExp;
  readonly int: RegExp;
}

const cache = new Map<string, KeyPatterns>();

function patterns(key: string): KeyPatterns {
  let p = cache.get(key);
  if (p === undefined) {
    // The key must start right after `{`, `, ` or a space, so 'size' does not match 'volume_size'.
    const k = `(?:^|[{ ,])u?'${key}': `;
    p = {
      needle: `'${key}': `,
      str: new RegExp(`${k}(?:u?'((?:[^'\\\\]|\\\\.)*)'|u?"((?:[^"\\\\]|\\\\.)*)")`, 'g'),
      int: new RegExp(`${k}(\\d+)`, 'g'),
    };
    cache.set(key, p);
  }
  return p;
}

/**
 * The first match of `re` (one of the key's patterns) in `spec`, the regex started near the key's
 * first occurrence instead of at 0. A match contains `'key': `, preceded by at most `[{ ,]` and
 * `u`, so it cannot start more than 2 characters before that text's first occurrence: the answer is
 * the regex's own from 0 (test/recognise/parse-volume-spec.test.ts checks it on random specs).
 * Why: a flow start's spec is about 1.5 KB and 12 keys are read; 12 regex scans from 0 cost 75 µs
 * a volume (0.1 s of the bench's 1,382-volume boot storm), `indexOf` a few.
 */
function execAt(spec: string, needle: string, re: RegExp): RegExpExecArray | null {
  const at = spec.indexOf(needle);
  if (at < 0) return null;
  re.lastIndex = at < 2 ? 0 : at - 2;
  return re.exec(spec);
}

