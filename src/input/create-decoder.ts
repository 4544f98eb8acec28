import type { InputFormat, LogRecord } from '../model/log-record.ts';
import type { BytesDecoder } from './bytes-decoder.ts';
import { createCatDecoder } from './create-cat-decoder.ts';
import { createExportDecoder } from './create-export-decoder.ts';
import { createJsonLineDecoder } from './create-json-line-decoder.ts';
import { createJsonPrettyDecoder } from './create-json-pretty-decoder.ts';
import { createOsloDecoder } from './create-oslo-decoder.ts';
import { createShortDecoder } from './create-short-decoder.ts';
import { createVerboseDecoder } from './create-verbose-decoder.ts';
import { decoderBase, type DecoderCommon, type DecoderOptions } from './decoder-base.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { LineDecoder } from './line-decoder.ts';

/** A text format: fed lines by createChunkFeed (split2). */
export interface LineDecoderOf extends DecoderCommon {
  readonly framing: 'lines';
  /**
   * One line without its terminator (createChunkFeed splits on \n and removes a \r before it).
   * The returned array must not be modified (an empty result is a shared array).
   */
  line(line: string): LogRecord[];
  /** A line longer than `limit` was skipped in its place: counted as read and malformed, and reported. */
  tooLong(limit: number): LogRecord[];
}

/** `export`: fed raw chunks, any size down to 1 byte. */
export interface BytesDecoderOf extends DecoderCommon {
  readonly framing: 'bytes';
  bytes(chunk: Buffer): LogRecord[];
}

export type Decoder = LineDecoderOf | BytesDecoderOf;

function lineCore(format: InputFormat, ctx: DecoderContext): LineDecoder {
  switch (format) {
    case 'cat':
      return createCatDecoder(ctx);
    case 'oslo':
      return createOsloDecoder(ctx);
    case 'json':
    case 'json-sse':
    case 'json-seq':
      return createJsonLineDecoder(format, ctx);
    case 'json-pretty':
      return createJsonPrettyDecoder(ctx);
    case 'verbose':
      return createVerboseDecoder(ctx);
    default:
      return createShortDecoder(format, ctx);
  }
}

/**
 * One decoder for one input in one format: feed it lines (or bytes for `export`), take the
 * completed records it returns, call end() once. Never throws on bad input: it is counted as
 * malformed in `stats` and reported through takeDiagnostics().
 */
export function createDecoder(opts: DecoderOptions): Decoder {
  const { ctx, stats, sink, out, drain, ended, finishing } = decoderBase(opts);
  if (opts.format === 'export' || opts.format === 'journal') {
    // `journal` forced on a byte stream (--input-format): journalctl's export stream of its entries.
    const core: BytesDecoder = createExportDecoder(ctx);
    return {
      framing: 'bytes',
      bytes(chunk) {
        if (!ended()) core.bytes(chunk, out());
        return drain();
      },
      ...finishing(core),
    };
  }

  const core = lineCore(opts.format, ctx);
  let lineNo = 0;
  return {
    framing: 'lines',
    line(line) {
      if (!ended()) core.line(line, ++lineNo, out());
      return drain();
    },
    tooLong(limit) {
      if (!ended()) {
        lineNo += 1;
        stats.read += 1;
        stats.malformed += 1;
        sink.report('warning', 'line-too-long', `Split the input or raise the limit: a line longer than ${limit} characters was skipped`, lineNo);
      }
      return drain();
    },
    ...finishing(core),
  };
}

