import { monthNumber } from '../time/month-number.ts';

/**
 * Month (1-12) of the first line of an input's head when it starts like a yearless `short` or
 * `short-precise` line (`Dec 31 23:59:58 …`), for initialYear; null otherwise. Blank lines and
 * journalctl's `-- … --` markers before it are skipped; only the first 4 KiB are looked at.
 */
export function firstMonth(head: Buffer): number | null {
  const text = head.subarray(0, 4096).toString('latin1');
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('-- ')) continue;
    const m = monthNumber(line, 0);
    return m === 0 ? null : m;
  }
  return null;
}
