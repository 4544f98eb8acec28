/** What clonewatch reads of an image-volume cache entry as cinder prints it (`_entry_to_str`). */
export interface CacheEntryText {
  readonly imageId: string | null;
  readonly volumeId: string | null;
  /** `host@backend#pool` as the entry holds it. */
  readonly host: string | null;
  /** The cached image-volume's size in GB. */
  readonly sizeGb: number | null;
}

// str(dict) on Python 3 ('k': 'v'); six.text_type on Python 2 also prints u'v'. Values never hold a quote.
const field = (key: string): RegExp => new RegExp(`'${key}': u?'([^']*)'`);
const IMAGE_ID = field('image_id');
const VOLUME_ID = field('volume_id');
const HOST = field('host');
const SIZE = /'size': (\d+)/;

/** The fields of `{'id': 5, 'image_id': '…', 'volume_id': '…', 'host': '…', 'size': 1, …}`; what is missing is null. Never throws. */
export function parseCacheEntry(entry: string): CacheEntryText {
  const size = SIZE.exec(entry)?.[1];
  return { imageId: IMAGE_ID.exec(entry)?.[1] ?? null, volumeId: VOLUME_ID.exec(entry)?.[1] ?? null, host: HOST.exec(entry)?.[1] ?? null, sizeGb: size === undefined ? null : Number(size) };
}
