import { createDecoder, type LineDecoderOf } from '../../src/input/create-decoder.ts';
import type { DecoderOptions } from '../../src/input/decoder-base.ts';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputStats, LogRecord } from '../../src/model/log-record.ts';
import { needing } from '../helpers/needing.ts';

/** The repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's reference material: $CLONEWATCH_SHARED, else shared/ beside the clone (absent from a newcomer's clone). */
const sharedDir = path.resolve(process.env['CLONEWATCH_SHARED'] ?? path.join(repoRoot, '..', 'shared'));

/** A path under the shared reference material. */
export const shared = (...parts: string[]): string => path.join(sharedDir, ...parts);

const sharedPresent = existsSync(shared('journalctl-output')) && existsSync(shared('real-logs'));

/** `test` for a test that reads the shared reference material: skipped, saying so, where it is absent. */
export const sharedTest = needing(sharedPresent ? null : `shared/, absent at ${sharedDir} (put a copy beside the clone, or set CLONEWATCH_SHARED)`);

export const readShared = (...parts: string[]): Buffer => readFileSync(shared(...parts));

/** Files in a shared directory, sorted, with a size above zero; none where shared/ is absent (see sharedTest). */
export function sharedFiles(dir: string, suffix: string): string[] {
  if (!sharedPresent) return [];
  return readdirSync(shared(dir))
    .filter((f) => f.endsWith(suffix) && statSync(shared(dir, f)).size > 0)
    .sort();
}

/** read = records + prefiltered + continuation + markers + blank + malformed + blob. */
export const statsAddUp = (s: InputStats): boolean =>
  s.read === s.records + s.prefiltered + s.continuation + s.markers + s.blank + s.malformed + s.blob;

/** The parts of a record that must not depend on how the input was framed or chunked. */
export const comparable = (r: LogRecord): Omit<LogRecord, 'input'> => {
  const { input: _input, ...rest } = r;
  return rest;
};

/** A deterministic pseudo-random byte source (xorshift32). */
export function pseudoRandomBytes(n: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A decoder of a text format, fed one line at a time (what createChunkFeed does after split2). */
export function lineDecoder(opts: DecoderOptions): LineDecoderOf {
  const d = createDecoder(opts);
  if (d.framing !== 'lines') throw new Error(`${opts.format} is not a line format`);
  return d;
}
