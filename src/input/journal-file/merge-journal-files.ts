import { compareEntries } from './compare-entries.ts';
import type { JournalEntry } from './journal-entry.ts';

/**
 * Interleaves the entries of several files as journalctl does: each step drops every file's next
 * entry that is not after the last one shown (a duplicate, e.g. the same entry in two files), then
 * shows the earliest of the rest (first file wins a tie). One entry per file is held at a time.
 */
export async function* mergeJournalFiles(files: readonly AsyncIterator<JournalEntry>[]): AsyncGenerator<JournalEntry> {
  const heads: (JournalEntry | null)[] = [];
  for (const f of files) {
    const r = await f.next();
    heads.push(r.done === true ? null : r.value);
  }
  let last: JournalEntry | null = null;
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      let h = heads[i] ?? null;
      while (h !== null && last !== null && compareEntries(h, last) <= 0) {
        const r = await (files[i] as AsyncIterator<JournalEntry>).next();
        h = r.done === true ? null : r.value;
        heads[i] = h;
      }
      if (h !== null && (best < 0 || compareEntries(h, heads[best] as JournalEntry) < 0)) best = i;
    }
    if (best < 0) return;
    const e = heads[best] as JournalEntry;
    const r = await (files[best] as AsyncIterator<JournalEntry>).next();
    heads[best] = r.done === true ? null : r.value;
    last = e;
    yield e;
  }
}
