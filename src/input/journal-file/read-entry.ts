import type { JournalEntry } from './journal-entry.ts';
import { JOURNAL } from './journal-layout.ts';
import type { DataField, JournalFile } from './open-journal-file.ts';
import { readU64 } from './read-u64.ts';

const E = JOURNAL.entry;

/** Reads entries of one file: consecutive entries mostly share their boot id, whose string is reused. */
export interface EntryReader {
  /**
   * The entry at `offset` with the fields its file keeps (openJournalFile's slotOf), in item order
   * (`_BOOT_ID` comes from the entry header, as in journalctl's export). null when the entry object
   * is damaged (recorded); a damaged item is skipped (recorded) and the rest of the entry kept. 'xz'
   * when an item is XZ-compressed: read that entry with readAsync.
   */
  read(offset: number): JournalEntry | null | 'xz';
  readAsync(offset: number): Promise<JournalEntry | null>;
}

export function createEntryReader(file: JournalFile): EntryReader {
  const lastBoot = Buffer.alloc(16);
  let lastBootId = '';
  const itemSize = file.header.compact ? E.compactItemSize : E.itemSize;

  const bootIdOf = (b: Buffer): string => {
    let same = lastBootId !== '';
    for (let i = 0; same && i < 16; i++) same = b[E.bootId + i] === lastBoot[i];
    if (!same) {
      b.copy(lastBoot, 0, E.bootId, E.bootId + 16);
      lastBootId = b.toString('hex', E.bootId, E.bootId + 16);
    }
    return lastBootId;
  };

  /** The entry object, or null (damaged, recorded). */
  const entryObject = (offset: number): Buffer | null => {
    const b = file.object(offset, JOURNAL.object.ENTRY, 'the entry array');
    if (b === null) return null;
    if (readU64(b, E.seqnum) <= 0 || readU64(b, E.realtime) < 0 || readU64(b, E.monotonic) < 0) {
      file.problem('journal-bad-entry', offset, `the entry at offset ${offset} was skipped: its sequence number or timestamps are out of range`);
      return null;
    }
    return b;
  };

  const itemCount = (b: Buffer): number => Math.floor((b.length - E.items) / itemSize);
  /** The DATA object offset of item `i` (0 = an empty item, skipped). */
  const itemAt = (b: Buffer, i: number): number => (file.header.compact ? b.readUInt32LE(E.items + i * itemSize) : readU64(b, E.items + i * itemSize));
  const kept = (d: DataField | null): d is DataField => d !== null && d.name !== '_BOOT_ID';

  /** Adds the fields of items `from`… to `fields` until one is XZ-compressed: its index, or the item count. */
  const collect = (b: Buffer, fields: DataField[], from: number): number => {
    const n = itemCount(b);
    for (let i = from; i < n; i++) {
      const p = itemAt(b, i);
      if (p === 0) continue;
      const d = file.data(p);
      if (d === 'xz') return i;
      if (kept(d)) fields.push(d);
    }
    return n;
  };

  const entryOf = (b: Buffer, fields: DataField[]): JournalEntry => ({
    seqnumId: file.header.seqnumId,
    seqnum: readU64(b, E.seqnum),
    realtime: readU64(b, E.realtime),
    monotonic: readU64(b, E.monotonic),
    bootId: bootIdOf(b),
    xorHashHigh: b.readUInt32LE(E.xorHash + 4),
    xorHashLow: b.readUInt32LE(E.xorHash),
    fields,
  });

  return {
    read(offset) {
      const b = entryObject(offset);
      if (b === null) return null;
      const fields: DataField[] = [];
      return collect(b, fields, 0) < itemCount(b) ? 'xz' : entryOf(b, fields);
    },
    async readAsync(offset) {
      const b = entryObject(offset);
      if (b === null) return null;
      const fields: DataField[] = [];
      for (let i = collect(b, fields, 0); i < itemCount(b); i = collect(b, fields, i + 1)) {
        const d = await file.dataAsync(itemAt(b, i));
        if (kept(d)) fields.push(d);
      }
      return entryOf(b, fields);
    },
  };
}
