import { fileEntryOffsets } from './file-entry-offsets.ts';
import type { JournalEntry } from './journal-entry.ts';
import type { JournalFile } from './open-journal-file.ts';
import { readEntry } from './read-entry.ts';
import type { UnitMatch } from './unit-match.ts';

/**
 * The entries of one journal file that `match` selects (null: all), in file order, with the fields
 * `wanted` keeps. A damaged entry is skipped, a damaged chain ends, each recorded in `file.problems`;
 * an unexpected error ends this file's entries as a problem, never the run.
 */
export async function* readJournalEntries(file: JournalFile, match: UnitMatch | null, wanted: (name: string) => boolean): AsyncGenerator<JournalEntry> {
  let at = 0;
  try {
    const offsets = fileEntryOffsets(file, match);
    for (let r = offsets.next(); r.done !== true; r = offsets.next()) {
      at = r.value;
      const e = await readEntry(file, r.value, wanted);
      if (e !== null) yield e;
    }
  } catch (e) {
    file.problem('journal-read-failed', at, `reading stopped near offset ${at}: ${(e as Error).message}`);
  }
}
