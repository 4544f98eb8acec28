import { closeSync, fstatSync, openSync } from 'node:fs';
import { journalFieldSlot } from '../input/journal-field-names.ts';
import type { JournalEntry } from '../input/journal-file/journal-entry.ts';
import { loadDecompressors } from '../input/journal-file/decompress-payload.ts';
import { mergeJournalFiles } from '../input/journal-file/merge-journal-files.ts';
import { openJournalFile, type JournalFile } from '../input/journal-file/open-journal-file.ts';
import { parseJournalHeader } from '../input/journal-file/parse-journal-header.ts';
import { readJournalEntries } from '../input/journal-file/read-journal-entries.ts';
import type { UnitMatch } from '../input/journal-file/unit-match.ts';
import type { Diagnostic } from '../model/log-record.ts';
import type { Compression } from './compression-of.ts';
import { createFileByteSource } from './create-file-byte-source.ts';
import { decompressToTemp } from './decompress-to-temp.ts';
import type { JournalInput } from './open-input.ts';

export interface JournalInputOptions {
  /** Entries to read (null: every entry). */
  readonly match: UnitMatch | null;
  readonly maxRatio: number;
}

/** openJournalInput's arguments, as plain data (structured-cloneable: a reader thread opens the input with them). */
export interface JournalSpec extends JournalInputOptions {
  readonly name: string;
  readonly files: readonly { readonly path: string; readonly compression: Compression | null }[];
}

/**
 * Entries handed on at a time: about as many bytes of field values as a 64 KiB read of a text
 * input (a batch's records are alive together), and a bound on entries for short ones.
 */
const BATCH_BYTES = 64 * 1024;
const BATCH_ENTRIES = 512;
/** Diagnostics per code and file before the rest are only counted. */
const PER_CODE = 5;

/**
 * One input made of journal files (a file, or every journal file of a directory): their selected
 * entries merged in journalctl's order, duplicates dropped, handed on in batches (format
 * `journal`) to the entry decoder, which makes the records the export decoder would make of
 * `journalctl -o export`. A file that cannot be read is skipped
 * with a diagnostic; damage inside a file is reported with the file and offset.
 */
export function openJournalInput(name: string, files: readonly { path: string; compression: Compression | null }[], o: JournalInputOptions): JournalInput {
  const diagnostics: Diagnostic[] = [];
  let read = 0;
  const say = (severity: Diagnostic['severity'], code: string, file: string, message: string) => diagnostics.push({ severity, code, message, where: { input: file, line: 0 } });
  async function* entries(): AsyncGenerator<JournalEntry[]> {
    const opened: { file: JournalFile; fd: number; bytes: () => number; shown: Map<string, number> }[] = [];
    const temps: (() => Promise<void>)[] = [];
    try {
      await loadDecompressors();
      for (const f of files) {
        let path = f.path;
        try {
          if (f.compression !== null) {
            const t = await decompressToTemp(f.path, f.compression, o.maxRatio);
            temps.push(t.remove);
            path = t.path;
          }
          const fd = openSync(path, 'r');
          const size = fstatSync(fd).size;
          const src = createFileByteSource(fd, size);
          const h = parseJournalHeader(src.read(0, 4096), size);
          if ('code' in h) {
            closeSync(fd);
            say('error', h.code, f.path, `Skipped the journal file "${f.path}": ${h.problem}; the other inputs are analysed`);
            continue;
          }
          if (h.header.truncated) say('warning', 'journal-truncated', f.path, `Read what is left of "${f.path}": the file is shorter than its header says (a truncated copy); entries past its end are lost`);
          opened.push({ file: openJournalFile(src, h.header, f.path, journalFieldSlot), fd, bytes: src.bytesRead, shown: new Map() });
        } catch (e) {
          say('error', 'journal-unreadable', f.path, `Skipped the journal file "${f.path}": ${(e as Error).message}; the other inputs are analysed`);
        }
      }
      const report = () => {
        for (const f of opened) {
          for (const p of f.file.problems.splice(0)) {
            const n = (f.shown.get(p.code) ?? 0) + 1;
            f.shown.set(p.code, n);
            if (n <= PER_CODE) say('warning', p.code, f.file.name, `Read the valid entries of "${f.file.name}": ${p.message}`);
          }
        }
      };
      const iters: AsyncIterator<readonly JournalEntry[]>[] = opened.map((f) => readJournalEntries(f.file, o.match));
      let batch: JournalEntry[] = [];
      let size = 0;
      for await (const merged of mergeJournalFiles(iters)) {
        for (const e of merged) {
          batch.push(e);
          for (const f of e.fields) size += f.bytes;
          if (size >= BATCH_BYTES || batch.length >= BATCH_ENTRIES) {
            report();
            read = opened.reduce((s, f) => s + f.bytes(), 0);
            yield batch;
            batch = [];
            size = 0;
          }
        }
      }
      report();
      for (const f of opened) {
        for (const [code, n] of f.shown) {
          if (n > PER_CODE) say('warning', code, f.file.name, `Read the valid entries of "${f.file.name}": ${n - PER_CODE} more problems of this kind (${code})`);
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      for (const f of opened) closeSync(f.fd);
      for (const r of temps) await r().catch(() => undefined);
    }
  }
  return {
    name,
    mtimeMs: undefined,
    format: 'journal',
    spec: { name, files, match: o.match, maxRatio: o.maxRatio },
    entries,
    bytesRead: () => read,
    takeDiagnostics: () => diagnostics.splice(0),
  };
}
