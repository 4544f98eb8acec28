/**
 * Why a volume was not a clone: one code per fallback of reference §0.2, with a plain-words
 * message builder. Codes are stable (JSON, metrics); messages may improve.
 */
export const REASONS = {
  'image-not-raw': (v: { format?: string | undefined }) =>
    `the image is ${v.format ?? 'not raw'}, not raw: RBD and glance-cinder clones need a raw image (upload it as raw); only an image-volume cache hit could have cloned it`,
  'no-image-location': () =>
    "Glance exposed no image location ('image_location': (None, None)): clones that need one (RBD, NetApp NFS, glance-cinder on any backend) could not be tried; Glance's show_image_direct_url/show_multiple_locations are off",
  'glance-locations-api-forbidden': () =>
    'Cinder may not read image locations from Glance: the cinder configuration has no [glance] section with service credentials (2025.2+)',
  'image-volume-not-accessible': (v: { id?: string | undefined }) =>
    `the image-volume ${v.id ?? ''} belongs to another project and is not accessible to this one`.replace('  ', ' '),
  'no-image-volume': () => 'no image-volume of this image exists on this backend (glance-cinder clone impossible)',
  'glance-cinder-clone-failed': (v: { id?: string | undefined }) =>
    `the backend failed to clone the image-volume ${v.id ?? ''}`.trimEnd(),
  'malformed-location': (v: { url?: string | undefined }) => `Cinder ignored a malformed image location ${v.url ?? ''}`.trimEnd(),
  'cache-miss': () => 'image-volume cache miss: no cached image-volume on this backend yet, so this create downloads and seeds it',
  'cache-unavailable-no-internal-tenant': () =>
    'the image-volume cache is not used: no internal tenant is configured (cinder_internal_tenant_project_id/user_id)',
  'cache-disabled': (v: { host?: string | undefined }) => `the image-volume cache is disabled for ${v.host ?? 'this backend'}`,
  'cache-backend-cannot-clone': () => 'the backend cannot clone the cached image-volume, so the image is downloaded from Glance',
  'cache-clone-failed': (v: { error?: string | undefined }) =>
    `cloning the cached image-volume failed${v.error ? `: ${v.error}` : ''}`,
  'cache-snapshot-limit': () => 'the cached image-volume reached its snapshot limit; a new cache entry is created',
  'cache-entry-outdated': () => 'the cached image-volume was out of date (the image changed) and was evicted',
  'cross-pool-clone-refused': () => 'the backend refused a clone across pools/SVMs and fell back to the Glance download',
  'rbd-not-in-rbd': (v: { detail?: string | undefined }) => `the image is not stored in this Ceph RBD${v.detail ? ` (${v.detail})` : ''}`,
  'rbd-not-cloneable': (v: { detail?: string | undefined }) => `the RBD driver cannot clone the image location${v.detail ? `: ${v.detail}` : ''}`,
  'rbd-different-cluster': () => 'the image is in a different Ceph cluster than the volume',
  'rbd-unable-to-open': (v: { detail?: string | undefined }) => `the RBD driver could not open the image snapshot${v.detail ? `: ${v.detail}` : ''}`,
  'netapp-clone-unsuccessful': (v: { msg?: string | undefined }) => `NetApp could not clone the image${v.msg ? `: ${v.msg}` : ''}`,
  'encrypted-volume': (v: { encryptor?: string | undefined; keyId?: string | undefined; cacheImageId?: string | undefined }) =>
    `the volume is encrypted (${v.keyId ? `the image is an encrypted volume's, cinder_encryption_key_id ${v.keyId}` : v.cacheImageId ? `Cinder looked for a cached image-volume of ${v.cacheImageId} without first finding or preparing one, which it does only for an encrypted volume` : `os-brick attached ${v.encryptor ? `a ${v.encryptor}` : 'an encryptor'} to write the image`}): Cinder never clones an image into an encrypted volume, it downloads it and writes it through the encryption layer`,
  'image-conversion-disabled': (v: { image?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
    `Cinder refused to convert the image${v.image ? ` ${v.image}` : ''} from ${v.from ?? 'its disk_format'} to ${v.to ?? 'the volume format'} (ImageConversionNotAllowed: image_conversion_disable = True in cinder.conf): the create failed after the download, as will every create of this volume type from this image`,
  'glance-cinder-not-tried': () =>
    "the image lives in a cinder store (a cinder:// location) but Cinder never tried to clone its image-volume: no glance-cinder line follows the clone attempt, which happens when allowed_direct_url_schemes in cinder.conf does not list cinder (or when the volume is encrypted)",
  'no-reason-logged': () =>
    'the logs do not show why: no fallback line was logged (DEBUG logging may be off, or the driver has no clone_image and no cache or glance-cinder path applied)',
} as const satisfies Record<string, (v: Record<string, string | undefined>) => string>;

export type ReasonCode = keyof typeof REASONS;
