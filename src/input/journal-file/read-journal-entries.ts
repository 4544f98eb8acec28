import { fileEntryOffsets } from './file-entry-offsets.ts';
import type { JournalEntry } from './journal-entry.ts';
import type { JournalFile } from './open-journal-file.ts';
import { createEntryReader } from './read-entry.ts';
import type { UnitMatch } from './unit-match.ts';

/** Entries handed on at a time (one await per batch, not per entry). */
const BATCH = 256;

/**
 * The entries of one journal file that `match` selects (null: all), in file order, in batches, with
 * the fields the file keeps (openJournalFile's slotOf). A damaged entry is skipped, a damaged chain ends, each recorded in
 * `file.problems`; an unexpected error ends this file's entries as a problem, never the run.
 */
export async function* readJournalEntries(file: JournalFile, match: UnitMatch | null): AsyncGenerator<JournalEntry[]> {
  let at = 0;
  let batch: JournalEntry[] = [];
  try {
    const reader = createEntryReader(file);
    const offsets = fileEntryOffsets(file, match);
    for (let r = offsets.next(); r.done !== true; r = offsets.next()) {
      at = r.value;
      let e = reader.read(r.value);
      if (e === 'xz') e = await reader.readAsync(r.value);
      if (e === null) continue;
      batch.push(e);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    file.problem('journal-read-failed', at, `reading stopped near offset ${at}: ${(e as Error).message}`);
  }
  if (batch.length > 0) yield batch;
}
