import type { JournalEntry } from './journal-entry.ts';
import { JOURNAL } from './journal-layout.ts';
import type { DataField, JournalFile } from './open-journal-file.ts';
import { readU64 } from './read-u64.ts';

const E = JOURNAL.entry;

/**
 * The entry at `offset` with the fields `wanted` says to keep, in item order (`_BOOT_ID` comes from
 * the entry header, as in journalctl's export). null when the entry object is damaged (recorded);
 * a damaged item is skipped (recorded) and the rest of the entry kept.
 */
export async function readEntry(file: JournalFile, offset: number, wanted: (name: string) => boolean): Promise<JournalEntry | null> {
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
  const fields: DataField[] = [];
  const keep = (name: string) => name !== '_BOOT_ID' && wanted(name);
  for (let i = 0; i < n; i++) {
    const at = E.items + i * itemSize;
    const p = compact ? b.readUInt32LE(at) : readU64(b, at);
    if (p === 0) continue;
    let d = file.data(p, keep);
    if (d === 'xz') d = await file.dataAsync(p, keep);
    if (d !== null) fields.push(d);
  }
  return {
    seqnumId: file.header.seqnumId,
    seqnum,
    realtime,
    monotonic,
    bootId: b.toString('hex', E.bootId, E.bootId + 16),
    xorHash: b.readBigUInt64LE(E.xorHash),
    fields,
  };
}
