import type { JournalEntry } from './journal-entry.ts';
import { JOURNAL } from './journal-layout.ts';
import type { DataField, JournalFile } from './open-journal-file.ts';
import { readU64 } from './read-u64.ts';

const E = JOURNAL.entry;

/** Reads entries of one file: consecutive entries mostly share their boot id, whose string is reused. */
export interface EntryReader {
  /**
   * The entry at `offset` with the fields `wanted` says to keep, in item order (`_BOOT_ID` comes
   * from the entry header, as in journalctl's export). null when the entry object is damaged
   * (recorded); a damaged item is skipped (recorded) and the rest of the entry kept. 'xz' when an
   * item is XZ-compressed: read that entry with readAsync.
   */
  read(offset: number): JournalEntry | null | 'xz';
  readAsync(offset: number): Promise<JournalEntry | null>;
}

export function createEntryReader(file: JournalFile, wanted: (name: string) => boolean): EntryReader {
  const keep = (name: string) => name !== '_BOOT_ID' && wanted(name);
  const lastBoot = Buffer.alloc(16);
  let lastBootId = '';

  const bootIdOf = (b: Buffer): string => {
    let same = lastBootId !== '';
    for (let i = 0; same && i < 16; i++) same = b[E.bootId + i] === lastBoot[i];
    if (!same) {
      b.copy(lastBoot, 0, E.bootId, E.bootId + 16);
      lastBootId = b.toString('hex', E.bootId, E.bootId + 16);
    }
    return lastBootId;
  };

  /** The entry object and its header fields, or null (damaged, recorded). */
  const head = (offset: number) => {
    const b = file.object(offset, JOURNAL.object.ENTRY, 'the entry array');
    if (b === null) return null;
    const seqnum = readU64(b, E.seqnum);
    const realtime = readU64(b, E.realtime);
    const monotonic = readU64(b, E.monotonic);
    if (seqnum <= 0 || realtime < 0 || monotonic < 0) {
      file.problem('journal-bad-entry', offset, `the entry at offset ${offset} was skipped: its sequence number or timestamps are out of range`);
      return null;
    }
    const compact = file.header.compact;
    const itemSize = compact ? E.compactItemSize : E.itemSize;
    const n = Math.floor((b.length - E.items) / itemSize);
    /** The entry's DATA object offsets (0 = an empty item, skipped). */
    const items: number[] = [];
    for (let i = 0; i < n; i++) {
      const at = E.items + i * itemSize;
      const p = compact ? b.readUInt32LE(at) : readU64(b, at);
      if (p !== 0) items.push(p);
    }
    const entry = (fields: DataField[]): JournalEntry => ({
      seqnumId: file.header.seqnumId,
      seqnum,
      realtime,
      monotonic,
      bootId: bootIdOf(b),
      xorHashHigh: b.readUInt32LE(E.xorHash + 4),
      xorHashLow: b.readUInt32LE(E.xorHash),
      fields,
    });
    return { items, entry };
  };

  return {
    read(offset) {
      const h = head(offset);
      if (h === null) return null;
      const fields: DataField[] = [];
      for (const p of h.items) {
        const d = file.data(p, keep);
        if (d === 'xz') return 'xz';
        if (d !== null) fields.push(d);
      }
      return h.entry(fields);
    },
    async readAsync(offset) {
      const h = head(offset);
      if (h === null) return null;
      const fields: DataField[] = [];
      for (const p of h.items) {
        const d = await file.dataAsync(p, keep);
        if (d !== null) fields.push(d);
      }
      return h.entry(fields);
    },
  };
}
