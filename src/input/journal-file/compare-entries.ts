import type { JournalEntry } from './journal-entry.ts';

const cmp = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * journalctl's order of entries across files (sd-journal's journal_file_compare_locations): by
 * sequence number when both come from the same sequence-number source, else by monotonic time
 * within the same boot, else by wall-clock time, finally by the xor of the data hashes. 0 means
 * the same entry (journalctl shows it once).
 */
export function compareEntries(a: JournalEntry, b: JournalEntry): number {
  if (a.seqnumId === b.seqnumId) {
    const r = cmp(a.seqnum, b.seqnum);
    if (r !== 0) return r;
  }
  if (a.bootId === b.bootId) {
    const r = cmp(a.monotonic, b.monotonic);
    if (r !== 0) return r;
  }
  const r = cmp(a.realtime, b.realtime);
  if (r !== 0) return r;
  return cmp(a.xorHashHigh, b.xorHashHigh) || cmp(a.xorHashLow, b.xorHashLow);
}
