import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Diagnostic } from '../model/log-record.ts';

/** One input as the pipeline reads it: a name for diagnostics, its mtime (for yearless formats) and its bytes. */
export interface InputSource {
  readonly name: string;
  readonly mtimeMs: number | undefined;
  chunks(): AsyncIterable<Buffer>;
}

const CHUNK = 1 << 20;

/** Opens a file path (or `-` for stdin) as an InputSource, or says clearly why it cannot. */
export async function openInput(path: string): Promise<{ source: InputSource } | { error: Diagnostic }> {
  if (path === '-') return { source: { name: '(stdin)', mtimeMs: undefined, chunks: () => gunzipIfNeeded(process.stdin) } };
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { error: inputError('input-is-directory', `Give a file, not a directory: "${path}" is a directory`) };
    return { source: { name: path, mtimeMs: s.mtimeMs, chunks: () => gunzipIfNeeded(createReadStream(path, { highWaterMark: CHUNK })) } };
  } catch (e) {
    return { error: inputError(codeOf(e), describe(path, e)) };
  }
}

function codeOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'input-not-found' : code === 'EACCES' ? 'input-not-readable' : code === 'ELOOP' ? 'input-symlink-loop' : 'input-unreadable';
}

function describe(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return `Check the path: "${path}" does not exist`;
    case 'EACCES': return `Check the permissions: "${path}" cannot be read (run as a user in the systemd-journal or adm group, or use sudo)`;
    case 'ELOOP': return `Fix the link: "${path}" is a symbolic link loop`;
    default: return `Check the input: "${path}" cannot be read: ${err.message}`;
  }
}

const inputError = (code: string, message: string): Diagnostic => ({ severity: 'error', code, message });

/** Yields the stream's bytes, decompressed when they start with the gzip magic number (whatever the file name). */
async function* gunzipIfNeeded(stream: Readable | NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  const it = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    async function* rest() {
      yield head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    }
    const gunzip = createGunzip({ chunkSize: CHUNK });
    const compressed = Readable.from(rest());
    compressed.on('error', (e) => gunzip.destroy(e));
    yield* compressed.pipe(gunzip) as AsyncIterable<Buffer>;
    return;
  }
  yield head;
  for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
}
