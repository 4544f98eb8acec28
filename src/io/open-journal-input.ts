import { closeSync, fstatSync, openSync } from 'node:fs';
import { JOURNAL_FIELD_NAMES } from '../input/journal-field-names.ts';
import type { JournalEntry } from '../input/journal-file/journal-entry.ts';
import { entryToExport } from '../input/journal-file/entry-to-export.ts';
import { mergeJournalFiles } from '../input/journal-file/merge-journal-files.ts';
import { openJournalFile, type JournalFile } from '../input/journal-file/open-journal-file.ts';
import { parseJournalHeader } from '../input/journal-file/parse-journal-header.ts';
import { readJournalEntries } from '../input/journal-file/read-journal-entries.ts';
import type { UnitMatch } from '../input/journal-file/unit-match.ts';
import type { Diagnostic } from '../model/log-record.ts';
import type { Compression } from './compression-of.ts';
import { createFileByteSource } from './create-file-byte-source.ts';
import { decompressToTemp } from './decompress-to-temp.ts';
import type { InputSource } from './open-input.ts';

export interface JournalInputOptions {
  /** Entries to read (null: every entry). */
  readonly match: UnitMatch | null;
  readonly maxRatio: number;
}

/** Export bytes handed on at a time. */
const CHUNK = 64 * 1024;
/** Diagnostics per code and file before the rest are only counted. */
const PER_CODE = 5;

const wanted = (name: string): boolean => JOURNAL_FIELD_NAMES.has(name);

/**
 * One input made of journal files (a file, or every journal file of a directory): their selected
 * entries merged in journalctl's order, duplicates dropped, handed on as an export stream (format
 * `journal`) so that the export decoder makes the records. A file that cannot be read is skipped
 * with a diagnostic; damage inside a file is reported with the file and offset.
 */
export function openJournalInput(name: string, files: readonly { path: string; compression: Compression | null }[], o: JournalInputOptions): InputSource {
  const diagnostics: Diagnostic[] = [];
  let read = 0;
  const say = (severity: Diagnostic['severity'], code: string, file: string, message: string) => diagnostics.push({ severity, code, message, where: { input: file, line: 0 } });
  async function* chunks(): AsyncGenerator<Buffer> {
    const opened: { file: JournalFile; fd: number; bytes: () => number; shown: Map<string, number> }[] = [];
    const temps: (() => Promise<void>)[] = [];
    try {
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
          opened.push({ file: openJournalFile(src, h.header, f.path), fd, bytes: src.bytesRead, shown: new Map() });
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
      const iters: AsyncIterator<JournalEntry>[] = opened.map((f) => readJournalEntries(f.file, o.match, wanted));
      let parts: Buffer[] = [];
      let size = 0;
      for await (const e of mergeJournalFiles(iters)) {
        const b = entryToExport(e);
        parts.push(b);
        size += b.length;
        if (size >= CHUNK) {
          report();
          read = opened.reduce((s, f) => s + f.bytes(), 0);
          yield Buffer.concat(parts);
          parts = [];
          size = 0;
        }
      }
      report();
      for (const f of opened) {
        for (const [code, n] of f.shown) {
          if (n > PER_CODE) say('warning', code, f.file.name, `Read the valid entries of "${f.file.name}": ${n - PER_CODE} more problems of this kind (${code})`);
        }
      }
      if (size > 0) yield Buffer.concat(parts);
    } finally {
      for (const f of opened) closeSync(f.fd);
      for (const r of temps) await r().catch(() => undefined);
    }
  }
  return {
    name,
    mtimeMs: undefined,
    format: 'journal',
    chunks,
    bytesRead: () => read,
    takeDiagnostics: () => diagnostics.splice(0),
  };
}
