import { JOURNAL } from './journal-layout.ts';
import type { JournalFile } from './open-journal-file.ts';
import { readU64 } from './read-u64.ts';

/**
 * The entry offsets of one chain, in file order: `first` (a DATA object's inline entry, 0 for the
 * global chain), then the items of the entry arrays from `arrayOffset`, at most `n` in all. Offsets
 * must strictly increase and so must the arrays' own offsets: a damaged chain ends with a problem
 * recorded, never loops. Zero items (the unused tail of the last array) end the chain.
 */
export function* entryChain(file: JournalFile, first: number, arrayOffset: number, n: number, what: string): Generator<number> {
  let count = 0;
  let last = 0;
  if (first !== 0 && n > 0) {
    yield first;
    last = first;
    count = 1;
  }
  const itemSize = file.header.compact ? JOURNAL.entryArray.compactItemSize : JOURNAL.entryArray.itemSize;
  let p = arrayOffset;
  while (p !== 0 && count < n) {
    const b = file.object(p, JOURNAL.object.ENTRY_ARRAY, what);
    if (b === null) {
      file.problem('journal-chain-stopped', p, `reading ${what} stopped at offset ${p} after ${count} of ${n} entries`);
      return;
    }
    const cap = Math.floor((b.length - JOURNAL.entryArray.items) / itemSize);
    for (let i = 0; i < cap && count < n; i++) {
      const at = JOURNAL.entryArray.items + i * itemSize;
      const off = itemSize === 4 ? b.readUInt32LE(at) : readU64(b, at);
      if (off === 0) return;
      if (off <= last) {
        file.problem('journal-chain-stopped', p, `reading ${what} stopped at the entry array at offset ${p}: its offsets do not increase (${off} after ${last})`);
        return;
      }
      yield off;
      last = off;
      count += 1;
    }
    const next = readU64(b, JOURNAL.entryArray.next);
    if (next !== 0 && next <= p) {
      file.problem('journal-chain-stopped', p, `reading ${what} stopped at the entry array at offset ${p}: the next array is not after it (${next})`);
      return;
    }
    p = next;
  }
}
