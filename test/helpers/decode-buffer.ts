import type { Diagnostic, InputStats, LogRecord } from '../../src/model/log-record.ts';
import { createChunkFeed } from '../../src/input/create-chunk-feed.ts';
import { createDecoder } from '../../src/input/create-decoder.ts';
import type { DecoderOptions } from '../../src/input/decoder-base.ts';
import { MAX_LINE_LENGTH } from '../../src/input/limits.ts';

export interface DecodedBuffer {
  records: LogRecord[];
  stats: InputStats;
  diagnostics: Diagnostic[];
}

/**
 * Test helper: decode an input held in memory, as chunks read in turn, the way readRecords does after format
 * detection: through createChunkFeed (split2 and its over-long-line rule for text formats, raw
 * bytes for `export`).
 */
export function decodeChunks(chunks: Iterable<Buffer>, opts: DecoderOptions, maxLineLength = MAX_LINE_LENGTH): DecodedBuffer {
  const d = createDecoder(opts);
  const records: LogRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const feed = createChunkFeed(d, maxLineLength, (r) => records.push(r));
  for (const chunk of chunks) {
    feed.write(chunk);
    diagnostics.push(...d.takeDiagnostics());
  }
  feed.end();
  diagnostics.push(...d.takeDiagnostics());
  return { records, stats: { ...d.stats }, diagnostics };
}

/** decodeChunks of one chunk. */
export function decodeBuffer(buf: Buffer, opts: DecoderOptions): DecodedBuffer {
  return decodeChunks([buf], opts);
}
