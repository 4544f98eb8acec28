import { compareEntries } from './compare-entries.ts';
import type { JournalEntry } from './journal-entry.ts';

/** Merged entries handed on at a time. */
const BATCH = 256;

/**
 * Interleaves the entries of several files (each read in batches) as journalctl does: each step
 * drops every file's next entry that is not after the last one shown (a duplicate, e.g. the same
 * entry in two files), then shows the earliest of the rest (first file wins a tie). Yields the
 * shown entries in batches; waits only when a file's batch runs out.
 */
export async function* mergeJournalFiles(files: readonly AsyncIterator<readonly JournalEntry[]>[]): AsyncGenerator<JournalEntry[]> {
  const batches: (readonly JournalEntry[])[] = files.map(() => []);
  const next = files.map(() => 0);
  const heads: (JournalEntry | null)[] = files.map(() => null);
  /** Moves file `i` to its next entry (null at its end). */
  const refill = async (i: number): Promise<void> => {
    for (;;) {
      const r = await (files[i] as AsyncIterator<readonly JournalEntry[]>).next();
      if (r.done === true) {
        heads[i] = null;
        return;
      }
      if (r.value.length > 0) {
        batches[i] = r.value;
        heads[i] = r.value[0] as JournalEntry;
        next[i] = 1;
        return;
      }
    }
  };
  const advance = (i: number): Promise<void> | undefined => {
    const b = batches[i] as readonly JournalEntry[];
    const k = next[i] as number;
    if (k < b.length) {
      heads[i] = b[k] as JournalEntry;
      next[i] = k + 1;
      return undefined;
    }
    return refill(i);
  };
  for (let i = 0; i < files.length; i++) await refill(i);
  let last: JournalEntry | null = null;
  let out: JournalEntry[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      let h = heads[i] ?? null;
      while (h !== null && last !== null && compareEntries(h, last) <= 0) {
        await advance(i);
        h = heads[i] ?? null;
      }
      if (h !== null && (best < 0 || compareEntries(h, heads[best] as JournalEntry) < 0)) best = i;
    }
    if (best < 0) break;
    const e = heads[best] as JournalEntry;
    const waiting = advance(best);
    last = e;
    out.push(e);
    if (waiting !== undefined || out.length >= BATCH) {
      yield out;
      out = [];
      await waiting;
    }
  }
  if (out.length > 0) yield out;
}
