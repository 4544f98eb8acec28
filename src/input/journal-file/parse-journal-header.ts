import { JOURNAL } from './journal-layout.ts';
import { readU64 } from './read-u64.ts';

const H = JOURNAL.header;

export interface JournalHeader {
  readonly incompatibleFlags: number;
  readonly state: number;
  readonly fileId: Buffer;
  readonly seqnumId: string;
  readonly headerSize: number;
  /** header_size + arena_size, cut to the file's size: no valid object starts at or after it. */
  readonly end: number;
  /** True when the header says the arena is larger than the file (a truncated copy). */
  readonly truncated: boolean;
  readonly dataHashTableOffset: number;
  readonly dataHashTableSize: number;
  readonly fieldHashTableOffset: number;
  readonly fieldHashTableSize: number;
  readonly nEntries: number;
  readonly entryArrayOffset: number;
  readonly compact: boolean;
  readonly keyedHash: boolean;
}

export type HeaderResult = { readonly header: JournalHeader } | { readonly code: string; readonly problem: string };

const FLAG_NAMES: readonly string[] = ['COMPRESSED-XZ', 'COMPRESSED-LZ4', 'KEYED-HASH', 'COMPRESSED-ZSTD', 'COMPACT'];

/** Hex of 16 bytes (an sd_id128). */
const hex = (b: Buffer, at: number): string => b.toString('hex', at, at + 16);

/**
 * Reads and checks a journal file header (`head` holds at least its first 272 bytes when the file
 * has them). Every header size since systemd 187 is accepted; an unknown incompatible flag, a bad
 * signature or header size, or hash tables outside the file make the file unreadable.
 */
export function parseJournalHeader(head: Buffer, fileSize: number): HeaderResult {
  if (head.length < JOURNAL.MIN_HEADER_SIZE || head.toString('latin1', 0, 8) !== JOURNAL.SIGNATURE) {
    return { code: 'journal-bad-header', problem: head.toString('latin1', 0, 8) === JOURNAL.SIGNATURE ? `it is shorter than a journal header (${head.length} bytes)` : 'it does not start with the journal signature "LPKSHHRH"' };
  }
  const incompatibleFlags = head.readUInt32LE(H.incompatibleFlags);
  const unknown = incompatibleFlags & ~JOURNAL.KNOWN_INCOMPATIBLE;
  if (unknown !== 0) {
    const bits: string[] = [];
    for (let b = 0; b < 32; b++) if ((unknown >>> b) & 1) bits.push(`bit ${b} (0x${(1 << b >>> 0).toString(16)})`);
    const known = FLAG_NAMES.filter((_, i) => (incompatibleFlags >> i) & 1);
    return {
      code: 'journal-unknown-flag',
      problem: `it uses an incompatible feature this version does not know: ${bits.join(', ')}${known.length > 0 ? ` (known flags set: ${known.join(' ')})` : ''}; a newer systemd wrote it, read it with that systemd's journalctl -o export | clonewatch -`,
    };
  }
  const headerSize = readU64(head, H.headerSize);
  const arenaSize = readU64(head, H.arenaSize);
  if (headerSize < JOURNAL.MIN_HEADER_SIZE || headerSize % 8 !== 0 || headerSize > 4096) {
    return { code: 'journal-bad-header', problem: `its header size ${headerSize} is not a journal header size` };
  }
  if (arenaSize < 0) return { code: 'journal-bad-header', problem: 'its arena size is out of range' };
  const declaredEnd = headerSize + arenaSize;
  const end = Math.min(declaredEnd, fileSize);
  const dataHashTableOffset = readU64(head, H.dataHashTableOffset);
  const dataHashTableSize = readU64(head, H.dataHashTableSize);
  const fieldHashTableOffset = readU64(head, H.fieldHashTableOffset);
  const fieldHashTableSize = readU64(head, H.fieldHashTableSize);
  const tableOk = (o: number, s: number) => o >= headerSize + JOURNAL.object.HEADER_SIZE && o % 8 === 0 && s >= JOURNAL.HASH_ITEM_SIZE && s % JOURNAL.HASH_ITEM_SIZE === 0 && o + s <= end;
  if (!tableOk(dataHashTableOffset, dataHashTableSize) || !tableOk(fieldHashTableOffset, fieldHashTableSize)) {
    return { code: 'journal-bad-header', problem: 'its hash tables lie outside the file (truncated inside the first objects, or not a journal)' };
  }
  return {
    header: {
      incompatibleFlags,
      state: head[H.state] ?? 0,
      fileId: Buffer.from(head.subarray(H.fileId, H.fileId + 16)),
      seqnumId: hex(head, H.seqnumId),
      headerSize,
      end,
      truncated: declaredEnd > fileSize,
      dataHashTableOffset,
      dataHashTableSize,
      fieldHashTableOffset,
      fieldHashTableSize,
      nEntries: Math.max(0, readU64(head, H.nEntries)),
      entryArrayOffset: readU64(head, H.entryArrayOffset),
      compact: (incompatibleFlags & JOURNAL.incompatible.COMPACT) !== 0,
      keyedHash: (incompatibleFlags & JOURNAL.incompatible.KEYED_HASH) !== 0,
    },
  };
}
