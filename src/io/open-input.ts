import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DEFAULT_UNIT_MATCH } from '../input/journal-file/default-unit-match.ts';
import type { JournalEntry } from '../input/journal-file/journal-entry.ts';
import type { UnitMatch } from '../input/journal-file/unit-match.ts';
import type { Diagnostic, InputFormat } from '../model/log-record.ts';
import { findJournalFiles } from './find-journal-files.ts';
import { openJournalInput, type JournalSpec } from './open-journal-input.ts';
import { readFileChunks } from './read-file-chunks.ts';
import { sniffJournal } from './sniff-journal.ts';

interface InputCommon {
  /** A name for origins and diagnostics (the path, `(stdin)`). */
  readonly name: string;
  /** The file's mtime (for yearless formats); undefined for stdin and pipes. */
  readonly mtimeMs: number | undefined;
  /** Size in bytes of a regular file (for the progress bar); absent for stdin and pipes. */
  readonly size?: number;
  /** Bytes read from the file so far (compressed bytes for a .gz). */
  readonly bytesRead?: () => number;
  /** Diagnostics the opener found while reading (journal files: damage, skipped files), taken once each. */
  readonly takeDiagnostics?: () => Diagnostic[];
}

/** An input read as bytes (a file, stdin, a .gz): its format is detected from them unless known. */
export interface ByteInput extends InputCommon {
  chunks(): AsyncIterable<Buffer>;
  readonly format?: InputFormat;
  /** The path of a regular file read as it is (not a journal file): --jobs workers read byte ranges of it. */
  readonly file?: string;
  /** --jobs: the file's first `bytes` have been read by worker threads (for bytesRead). */
  readonly readElsewhere?: (bytes: number) => void;
}

/** Journal files, read through their own index: entries in journalctl's order, in batches. */
export interface JournalInput extends InputCommon {
  readonly format: 'journal';
  entries(): AsyncIterable<readonly JournalEntry[]>;
  /** How it was opened (plain data): a reader thread opens the same input with it (openJournalInput). */
  readonly spec: JournalSpec;
}

/** One input as the pipeline reads it. */
export type InputSource = ByteInput | JournalInput;

export interface OpenOptions {
  /**
   * A `.gz` input stops with an error once it has expanded to more than this many times the
   * compressed bytes read so far (and past GZIP_FLOOR): a decompression bomb, not a log.
   */
  readonly maxGzipRatio?: number;
  /** Journal files: the entries to read (`-u`, default units); null reads every entry (`--all-units`). */
  readonly journalMatch?: UnitMatch | null;
}

/** Default for `--max-gzip-ratio`: text logs compress 5–20×, a gzip bomb ~1000×. */
export const DEFAULT_GZIP_RATIO = 100;

/** Below this much output the ratio is not checked (a tiny, very repetitive .gz is fine). */
export const GZIP_FLOOR = 64 * 1024 * 1024;

/**
 * Read (and gunzip) size. 64 KiB, not 1 MiB: each chunk's records are one batch, alive together;
 * measured on the 110 MB bench files, peak RSS ~230 → ~140 MB (short-precise) and ~187 → ~142 MB
 * (json) at the same CPU time.
 */
const CHUNK = 1 << 16;
/** Reads of a regular file kept in flight (see readFileChunks): 4 × 64 KiB. */
const READ_AHEAD = 4;

/** Opens a file path (or `-` for stdin) as an InputSource, or says clearly why it cannot. */
export async function openInput(path: string, o: OpenOptions = {}): Promise<{ source: InputSource } | { error: Diagnostic }> {
  const ratio = o.maxGzipRatio ?? DEFAULT_GZIP_RATIO;
  const match = o.journalMatch === undefined ? DEFAULT_UNIT_MATCH : o.journalMatch;
  if (path === '-') return { source: { name: '(stdin)', mtimeMs: undefined, chunks: () => gunzipIfNeeded(process.stdin, '(stdin)', ratio) } };
  try {
    const s = await stat(path);
    if (s.isDirectory()) {
      const journals = await findJournalFiles(path);
      if (journals.length > 0) return { source: openJournalInput(path, journals, { match, maxRatio: ratio }) };
    }
    if (s.isDirectory()) return { error: inputError('input-is-directory', `Give a file, not a directory: "${path}" is a directory with no journal files (name the files in it, e.g. "${path.replace(/\/$/, '')}/*.log")`) };
    // A FIFO is a pipe: `clonewatch <(journalctl …)`. Opening it waits for its writer, so it is
    // opened when read; its mtime is the time of the last write, not the log's, so it is not used.
    if (s.isFIFO()) return { source: { name: path, mtimeMs: undefined, chunks: () => gunzipIfNeeded(createReadStream(path, { highWaterMark: CHUNK }), path, ratio) } };
    if (!s.isFile()) return { error: inputError('input-not-a-file', `Give a regular file, a pipe or "-" for stdin: "${path}" is a ${kindOf(s)}`) };
    await access(path, constants.R_OK);
    const journal = await sniffJournal(path);
    if (journal !== null) return { source: openJournalInput(path, [{ path, compression: journal.compression }], { match, maxRatio: ratio }) };
    const progress = { bytesRead: 0 };
    const chunks = () => gunzipIfNeeded(readFileChunks(path, CHUNK, READ_AHEAD, progress), path, ratio);
    const readElsewhere = (bytes: number) => {
      progress.bytesRead = Math.max(progress.bytesRead, bytes);
    };
    return { source: { name: path, file: path, mtimeMs: s.mtimeMs, size: s.size, bytesRead: () => progress.bytesRead, readElsewhere, chunks } };
  } catch (e) {
    return { error: inputError(codeOf(e), describe(path, e)) };
  }
}

function kindOf(s: { isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  return s.isSocket() ? 'socket' : s.isCharacterDevice() ? 'character device' : s.isBlockDevice() ? 'block device' : 'special file';
}

function codeOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'input-not-found' : code === 'EACCES' || code === 'EPERM' ? 'input-not-readable' : code === 'ELOOP' ? 'input-symlink-loop' : 'input-unreadable';
}

function describe(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return `Check the path: "${path}" does not exist`;
    case 'EACCES':
    case 'EPERM': return `Check the permissions: "${path}" cannot be read (run as a user in the systemd-journal or adm group, or use sudo)`;
    case 'ELOOP': return `Fix the link: "${path}" is a symbolic link loop (too many levels of symbolic links)`;
    case 'ENOTDIR': return `Check the path: a part of "${path}" is not a directory`;
    case 'ENAMETOOLONG': return `Check the path: "${path.slice(0, 200)}…" is too long`;
    default: return `Check the input: "${path}" cannot be read: ${err.message}`;
  }
}

const inputError = (code: string, message: string): Diagnostic => ({ severity: 'error', code, message });

const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;

/** Yields the stream's bytes, decompressed when they start with the gzip magic number (whatever the file name). */
async function* gunzipIfNeeded(stream: AsyncIterable<Buffer | string> | Readable | NodeJS.ReadableStream, name: string, maxRatio: number): AsyncGenerator<Buffer> {
  const it = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    let compressedBytes = 0;
    async function* rest() {
      compressedBytes += head.length;
      yield head;
      for (let r = await it.next(); !r.done; r = await it.next()) {
        const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        compressedBytes += b.length;
        yield b;
      }
    }
    const gunzip = createGunzip({ chunkSize: CHUNK });
    // One chunk read ahead at most, so that the ratio is taken against what was really decompressed.
    const compressed = Readable.from(rest(), { highWaterMark: 1 });
    compressed.on('error', (e) => gunzip.destroy(e));
    let out = 0;
    for await (const chunk of compressed.pipe(gunzip) as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > GZIP_FLOOR && out > maxRatio * compressedBytes) {
        compressed.destroy();
        gunzip.destroy();
        const by = name === '(stdin)' ? 'zcat FILE.gz | clonewatch -' : `zcat '${name}' | clonewatch -`;
        throw new Error(
          `it expands to more than ${maxRatio} times its compressed size (${mib(out)} from ${mib(compressedBytes)}), which looks like a decompression bomb; ` +
            `the limit is --max-gzip-ratio ${maxRatio}: raise it (e.g. --max-gzip-ratio ${maxRatio * 10}) or decompress by hand (${by})`,
        );
      }
      yield chunk;
    }
    return;
  }
  yield head;
  for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
}
