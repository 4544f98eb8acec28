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
const text = (entry: string, key: string): string | null => new RegExp(`'${key}': u?'([^']*)'`).exec(entry)?.[1] ?? null;

/** The fields of `{'id': 5, 'image_id': '…', 'volume_id': '…', 'host': '…', 'size': 1, …}`; what is missing is null. Never throws. */
export function parseCacheEntry(entry: string): CacheEntryText {
  const size = /'size': (\d+)/.exec(entry)?.[1];
  return { imageId: text(entry, 'image_id'), volumeId: text(entry, 'volume_id'), host: text(entry, 'host'), sizeGb: size === undefined ? null : Number(size) };
}
