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

/** Reads the Python repr of cinder's volume spec with targeted patterns; never throws, missing keys are null. */
export function parseVolumeSpec(spec: string): VolumeSpec {
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

const cache = new Map<string, { str: RegExp; int: RegExp }>();

function patterns(key: string): { str: RegExp; int: RegExp } {
  let p = cache.get(key);
  if (p === undefined) {
    // The key must start right after `{`, `, ` or a space, so 'size' does not match 'volume_size'.
    const k = `(?:^|[{ ,])u?'${key}': `;
    p = {
      str: new RegExp(`${k}(?:u?'((?:[^'\\\\]|\\\\.)*)'|u?"((?:[^"\\\\]|\\\\.)*)")`),
      int: new RegExp(`${k}(\\d+)`),
    };
    cache.set(key, p);
  }
  return p;
}

function str(spec: string, key: string): string | null {
  const m = patterns(key).str.exec(spec);
  if (m === null) return null;
  return m[1] ?? m[2] ?? null;
}

function int(spec: string, key: string): number | null {
  const m = patterns(key).int.exec(spec);
  return m?.[1] === undefined ? null : Number(m[1]);
}
