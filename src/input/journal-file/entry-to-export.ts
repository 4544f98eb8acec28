import type { JournalEntry } from './journal-entry.ts';

/**
 * One entry in journalctl's export format, as `journalctl -o export` writes it: the realtime
 * timestamp and boot id from the entry header, then the fields in item order, a value with a
 * newline (or other control byte) as a binary field, an empty line at the end.
 */
export function entryToExport(e: JournalEntry): Buffer {
  const head = `__REALTIME_TIMESTAMP=${e.realtime}\n_BOOT_ID=${e.bootId}\n`;
  let size = head.length + 1;
  const text: boolean[] = [];
  for (const f of e.fields) {
    const t = isText(f.value);
    text.push(t);
    size += f.name.length + 1 + (t ? 0 : 8) + f.value.length + 1;
  }
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0, 'latin1');
  e.fields.forEach((f, i) => {
    at += out.write(f.name, at, 'latin1');
    if (text[i] === true) {
      out[at++] = 61;
    } else {
      out[at++] = 10;
      out.writeUInt32LE(f.value.length, at);
      out.writeUInt32LE(0, at + 4);
      at += 8;
    }
    at += f.value.copy(out, at);
    out[at++] = 10;
  });
  out[at] = 10;
  return out;
}

/** journalctl's rule (journal_field_valid + utf8 printable): no control byte other than TAB. */
function isText(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c < 32 && c !== 9) return false;
  }
  return true;
}
