import type { ByteSource } from './byte-source.ts';
import { decompressPayload, decompressXz } from './decompress-payload.ts';
import { jenkinsHash64 } from './jenkins-hash64.ts';
import type { JournalHeader } from './parse-journal-header.ts';
import type { JournalProblem } from './journal-problem.ts';
import { JOURNAL } from './journal-layout.ts';
import { readU64 } from './read-u64.ts';
import { siphash24 } from './siphash24.ts';

const O = JOURNAL.object;
const D = JOURNAL.data;
const F = JOURNAL.field;

/** Smallest size of each object type: its fixed fields. */
const MIN_SIZE: Record<number, number> = {
  [O.DATA]: D.payload,
  [O.FIELD]: F.payload,
  [O.ENTRY]: JOURNAL.entry.items,
  [O.ENTRY_ARRAY]: JOURNAL.entryArray.items,
};
const TYPE_NAMES = ['UNUSED', 'DATA', 'FIELD', 'ENTRY', 'DATA_HASH_TABLE', 'FIELD_HASH_TABLE', 'ENTRY_ARRAY', 'TAG'];
/** Longest hash or field chain followed: a loop in a damaged file ends here. */
const MAX_CHAIN = 1 << 20;
/** Data objects whose field (and short value) are remembered: values repeat across entries. */
const DATA_CACHE = 8192;
/** Values up to this many bytes are kept in the cache (MESSAGE values rarely repeat and are not). */
const CACHED_VALUE = 512;

/** One DATA object: `NAME=value` split at the first `=`, the value decoded as UTF-8 (as journalctl's export and json show it). */
export interface DataField {
  readonly name: string;
  /** Where the reader keeps this field: slotOf(name) of openJournalFile, computed once per cached DATA object. */
  readonly slot: number;
  readonly text: string;
  /** The value's length in bytes. */
  readonly bytes: number;
}

/** A DATA object's entry chain: the inline first entry, the chain of entry arrays, their count. */
export interface DataEntries {
  readonly entryOffset: number;
  readonly entryArrayOffset: number;
  readonly nEntries: number;
}

export interface JournalFile {
  readonly name: string;
  readonly header: JournalHeader;
  readonly problems: JournalProblem[];
  /** The object at `offset` of `type` (checked: alignment, range, type, size), or null with a problem recorded. */
  object(offset: number, type: number, what: string): Buffer | null;
  /** The field of the DATA object at `offset` when slotOf(its name) >= 0, or null (unwanted or damaged); 'xz' when it must be read with dataAsync. */
  data(offset: number): DataField | null | 'xz';
  dataAsync(offset: number): Promise<DataField | null>;
  /** DATA objects whose payload is exactly `payload`, found through the data hash table. */
  findData(payload: Buffer): DataEntries | null;
  /** Every DATA object of the field `name` (through the field hash table and the field's data chain). */
  fieldData(name: string): Generator<{ readonly value: Buffer; readonly entries: DataEntries }>;
  problem(code: string, offset: number, message: string): void;
}

/**
 * A journal file read through positioned reads: objects are checked as the spec asks (8-byte
 * alignment, inside header..end, expected type, size at least the type's fixed fields, not past
 * the end), damage is recorded as problems, never thrown. `slotOf` says which fields entries keep
 * (-1: not kept) and where (DataField.slot): it is asked once per DATA object read, not per use.
 */
export function openJournalFile(src: ByteSource, header: JournalHeader, name: string, slotOf: (name: string) => number): JournalFile {
  const problems: JournalProblem[] = [];
  /** Fields of DATA objects by offset; null: not kept, or damaged (recorded when first read). */
  const cache = new Map<number, DataField | null>();
  const hashOf = (b: Buffer): bigint => (header.keyedHash ? siphash24(b, header.fileId) : jenkinsHash64(b));
  const payloadAt = header.compact ? D.compactPayload : D.payload;

  const problem = (code: string, offset: number, message: string): void => {
    if (problems.length < 1000) problems.push({ code, offset, message });
  };

  const object = (offset: number, type: number, what: string): Buffer | null => {
    if (offset % 8 !== 0 || offset < header.headerSize || offset + O.HEADER_SIZE > header.end) {
      problem('journal-bad-offset', offset, `${what} points to offset ${offset}, outside the file's objects or not 8-byte aligned`);
      return null;
    }
    // The type and size are looked at where they are (the object itself is read once, below).
    const t = src.u8(offset);
    const size = src.u64(offset + 8);
    if (t === null || size === null) {
      problem('journal-truncated', offset, `${what} at offset ${offset} is cut off by the end of the file`);
      return null;
    }
    if (t !== type) {
      problem('journal-bad-object', offset, `${what} at offset ${offset} is a ${TYPE_NAMES[t] ?? `type ${t}`} object, not ${TYPE_NAMES[type] ?? type}`);
      return null;
    }
    if (size < (MIN_SIZE[type] ?? O.HEADER_SIZE) || size < 0 || offset + size > header.end) {
      problem('journal-bad-object', offset, `${what} at offset ${offset} has an impossible size (${size} bytes)`);
      return null;
    }
    const b = src.read(offset, size);
    if (b.length < size) {
      problem('journal-truncated', offset, `${what} at offset ${offset} is cut off by the end of the file`);
      return null;
    }
    return b;
  };

  const entriesOf = (b: Buffer): DataEntries => ({
    entryOffset: readU64(b, D.entryOffset),
    entryArrayOffset: readU64(b, D.entryArrayOffset),
    nEntries: readU64(b, D.nEntries),
  });

  /** A DATA object's payload, decompressed; 'xz' when it is XZ-compressed; null when damaged (recorded). */
  const payloadOf = (b: Buffer, offset: number): Buffer | 'xz' | null => {
    if (b.length < payloadAt) {
      problem('journal-bad-object', offset, `the data object at offset ${offset} is too short`);
      return null;
    }
    const raw = b.subarray(payloadAt);
    const d = decompressPayload(b[1] ?? 0, raw);
    if (d === 'xz') return 'xz';
    if ('problem' in d) {
      problem('journal-bad-data', offset, `the data object at offset ${offset} was skipped: ${d.problem}`);
      return null;
    }
    return d.bytes;
  };

  const split = (p: Buffer, offset: number): DataField | null => {
    if (cache.size >= DATA_CACHE) cache.clear();
    const eq = p.indexOf(61);
    if (eq <= 0 || eq > 255) {
      problem('journal-bad-data', offset, `the data object at offset ${offset} is not NAME=value`);
      cache.set(offset, null);
      return null;
    }
    const fieldName = p.toString('latin1', 0, eq);
    const slot = slotOf(fieldName);
    const field = slot >= 0 ? { name: fieldName, slot, text: p.toString('utf8', eq + 1), bytes: p.length - eq - 1 } : null;
    if (field === null || field.bytes <= CACHED_VALUE) cache.set(offset, field);
    return field;
  };

  const data = (offset: number): DataField | null | 'xz' => {
    const hit = cache.get(offset);
    if (hit !== undefined) return hit;
    const b = object(offset, O.DATA, 'an entry item');
    if (b === null) return null;
    const p = payloadOf(b, offset);
    if (p === null || p === 'xz') return p;
    return split(p, offset);
  };

  const dataAsync = async (offset: number): Promise<DataField | null> => {
    const sync = data(offset);
    if (sync !== 'xz') return sync;
    const b = object(offset, O.DATA, 'an entry item');
    if (b === null) return null;
    const d = await decompressXz(b.subarray(payloadAt));
    if ('problem' in d) {
      problem('journal-bad-data', offset, `the data object at offset ${offset} was skipped: ${d.problem}`);
      return null;
    }
    return split(d.bytes, offset);
  };

  /** The chain head of `hash` in the hash table at `tableOffset` of `tableSize` bytes. */
  const bucketHead = (tableOffset: number, tableSize: number, hash: bigint): number => {
    const n = BigInt(tableSize / JOURNAL.HASH_ITEM_SIZE);
    const at = tableOffset + Number(hash % n) * JOURNAL.HASH_ITEM_SIZE;
    const item = src.read(at, 8);
    return item.length < 8 ? 0 : readU64(item, 0);
  };

  const findData = (payload: Buffer): DataEntries | null => {
    const hash = hashOf(payload);
    let p = bucketHead(header.dataHashTableOffset, header.dataHashTableSize, hash);
    for (let steps = 0; p !== 0 && steps < MAX_CHAIN; steps++) {
      const b = object(p, O.DATA, 'the data hash table');
      if (b === null) return null;
      if (b.readBigUInt64LE(D.hash) === hash) {
        const got = payloadOf(b, p);
        // An XZ payload is compared after decompression only when needed: values looked up are short and never XZ-compressed by systemd (below its threshold).
        if (got !== null && got !== 'xz' && got.equals(payload)) return entriesOf(b);
      }
      const next = readU64(b, D.nextHashOffset);
      if (next !== 0 && next <= p) {
        problem('journal-bad-chain', p, `the data hash chain at offset ${p} goes backwards (to ${next}); the lookup stopped there`);
        return null;
      }
      p = next;
    }
    return null;
  };

  function* fieldData(fieldName: string): Generator<{ readonly value: Buffer; readonly entries: DataEntries }> {
    const key = Buffer.from(fieldName, 'latin1');
    const hash = hashOf(key);
    let p = bucketHead(header.fieldHashTableOffset, header.fieldHashTableSize, hash);
    let field: Buffer | null = null;
    for (let steps = 0; p !== 0 && steps < MAX_CHAIN && field === null; steps++) {
      const b = object(p, O.FIELD, 'the field hash table');
      if (b === null) return;
      if (b.readBigUInt64LE(F.hash) === hash && b.subarray(F.payload).equals(key)) field = b;
      else p = readU64(b, F.nextHashOffset);
    }
    if (field === null) return;
    const seen = new Set<number>();
    let d = readU64(field, F.headDataOffset);
    while (d !== 0 && !seen.has(d) && seen.size < MAX_CHAIN) {
      seen.add(d);
      const b = object(d, O.DATA, `the data chain of field "${fieldName}"`);
      if (b === null) return;
      const payload = payloadOf(b, d);
      if (payload !== null && payload !== 'xz' && payload.length > key.length && payload[key.length] === 61 && payload.subarray(0, key.length).equals(key)) {
        yield { value: Buffer.from(payload.subarray(key.length + 1)), entries: entriesOf(b) };
      }
      d = readU64(b, D.nextFieldOffset);
    }
  }

  return { name, header, problems, object, data, dataAsync, findData, fieldData, problem };
}
