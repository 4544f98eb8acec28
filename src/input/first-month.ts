import type { InputFormat } from '../model/log-record.ts';
import { monthNumber } from '../time/month-number.ts';

/**
 * Month (1-12) of the first entry of a yearless input (`short`, `short-precise`), for
 * initialYear; null for other formats or when no entry line is found in `head`.
 */
export function firstMonth(head: Buffer, format: InputFormat): number | null {
  if (format !== 'short' && format !== 'short-precise') return null;
  const text = head.subarray(0, 64 * 1024).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const m = monthNumber(text, start);
    if (m > 0 && text.charCodeAt(start + 3) === 32) return m;
    start = nl + 1;
  }
  return null;
}
