import { entryChain } from './entry-chain.ts';
import { mergeOffsets } from './merge-offsets.ts';
import type { JournalFile } from './open-journal-file.ts';
import type { UnitMatch } from './unit-match.ts';

/**
 * The offsets of the entries to read from one file, in file order: every entry (the global entry
 * array chain) when `match` is null, else the entries of the matching DATA objects, found through
 * the data hash table (exact values) or the field's data chain (globs), their chains merged.
 */
export function fileEntryOffsets(file: JournalFile, match: UnitMatch | null): Iterator<number> {
  const h = file.header;
  if (match === null) return entryChain(file, 0, h.entryArrayOffset, h.nEntries, 'the entry array chain');
  const chains: Iterator<number>[] = [];
  for (const payload of match.exact) {
    const d = file.findData(Buffer.from(payload, 'utf8'));
    if (d !== null) chains.push(entryChain(file, d.entryOffset, d.entryArrayOffset, d.nEntries, `the entries of "${payload}"`));
  }
  for (const g of match.globs) {
    for (const { value, entries } of file.fieldData(g.field)) {
      if (g.pattern.test(value.toString('utf8'))) chains.push(entryChain(file, entries.entryOffset, entries.entryArrayOffset, entries.nEntries, `the entries of "${g.field}=${value.toString('utf8')}"`));
    }
  }
  return mergeOffsets(chains);
}
