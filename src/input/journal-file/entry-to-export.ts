import type { JournalEntry } from './journal-entry.ts';

/**
 * One entry in journalctl's export format, as `journalctl -o export` writes it: the realtime
 * timestamp and boot id from the entry header, then the fields in item order, a value with a
 * newline (or other control byte) as a binary field, an empty line at the end.
 */
export function entryToExport(e: JournalEntry): Buffer {
  const parts: Buffer[] = [Buffer.from(`__REALTIME_TIMESTAMP=${e.realtime}\n_BOOT_ID=${e.bootId}\n`, 'latin1')];
  for (const f of e.fields) {
    if (isText(f.value)) {
      parts.push(Buffer.from(`${f.name}=`, 'latin1'), f.value, NL);
    } else {
      const len = Buffer.alloc(8);
      len.writeBigUInt64LE(BigInt(f.value.length));
      parts.push(Buffer.from(`${f.name}\n`, 'latin1'), len, f.value, NL);
    }
  }
  parts.push(NL);
  return Buffer.concat(parts);
}

const NL = Buffer.from('\n');

/** journalctl's rule (journal_field_valid + utf8 printable): no control byte other than TAB. */
function isText(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c < 32 && c !== 9) return false;
  }
  return true;
}
