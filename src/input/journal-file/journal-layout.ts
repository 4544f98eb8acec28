/**
 * The on-disk layout of a systemd journal file (systemd's docs/JOURNAL_FILE_FORMAT.md and
 * src/libsystemd/sd-journal/journal-def.h): byte offsets of the header fields and of each
 * object's fields, object types and flags. All numbers are little-endian.
 */
export const JOURNAL = {
  SIGNATURE: 'LPKSHHRH',
  /** Header size of the first format (systemd 187 added n_data/n_fields); every later size is larger. */
  MIN_HEADER_SIZE: 208,
  header: {
    compatibleFlags: 8,
    incompatibleFlags: 12,
    state: 16,
    fileId: 24,
    machineId: 40,
    tailEntryBootId: 56,
    seqnumId: 72,
    headerSize: 88,
    arenaSize: 96,
    dataHashTableOffset: 104,
    dataHashTableSize: 112,
    fieldHashTableOffset: 120,
    fieldHashTableSize: 128,
    tailObjectOffset: 136,
    nObjects: 144,
    nEntries: 152,
    tailEntrySeqnum: 160,
    headEntrySeqnum: 168,
    entryArrayOffset: 176,
    headEntryRealtime: 184,
    tailEntryRealtime: 192,
    tailEntryMonotonic: 200,
  },
  incompatible: { XZ: 1, LZ4: 2, KEYED_HASH: 4, ZSTD: 8, COMPACT: 16 },
  /** Every incompatible flag this reader understands. */
  KNOWN_INCOMPATIBLE: 31,
  state: { OFFLINE: 0, ONLINE: 1, ARCHIVED: 2 },
  object: {
    HEADER_SIZE: 16,
    UNUSED: 0,
    DATA: 1,
    FIELD: 2,
    ENTRY: 3,
    DATA_HASH_TABLE: 4,
    FIELD_HASH_TABLE: 5,
    ENTRY_ARRAY: 6,
    TAG: 7,
  },
  compressed: { XZ: 1, LZ4: 2, ZSTD: 4 },
  data: {
    hash: 16,
    nextHashOffset: 24,
    nextFieldOffset: 32,
    entryOffset: 40,
    entryArrayOffset: 48,
    nEntries: 56,
    payload: 64,
    compactPayload: 72,
  },
  field: { hash: 16, nextHashOffset: 24, headDataOffset: 32, payload: 40 },
  entry: { seqnum: 16, realtime: 24, monotonic: 32, bootId: 40, xorHash: 56, items: 64, itemSize: 16, compactItemSize: 4 },
  entryArray: { next: 16, items: 24, itemSize: 8, compactItemSize: 4 },
  /** A hash table item: head and tail offsets of one bucket's chain. */
  HASH_ITEM_SIZE: 16,
} as const;
