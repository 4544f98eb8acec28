import type { Diagnostic, InputStats, LogRecord } from '../model/log-record.ts';
import { createDecoder, type DecoderOptions } from './create-decoder.ts';

export interface DecodedBuffer {
  records: LogRecord[];
  stats: InputStats;
  diagnostics: Diagnostic[];
}

/**
 * Decode a whole input held in memory, splitting lines exactly like the pipeline: on `\n`,
 * dropping one `\r` before it, the last line counted even without a newline (UTF-8 decoded,
 * invalid bytes → U+FFFD). `export` gets the raw bytes.
 */
export function decodeBuffer(buf: Buffer, opts: DecoderOptions): DecodedBuffer {
  const d = createDecoder(opts);
  const records: LogRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const take = (rs: LogRecord[]): void => {
    for (const r of rs) records.push(r);
    for (const x of d.takeDiagnostics()) diagnostics.push(x);
  };
  if (d.framing === 'bytes') {
    take(d.bytes(buf));
  } else {
    const text = buf.toString('utf8');
    let start = 0;
    while (start < text.length) {
      let nl = text.indexOf('\n', start);
      const terminated = nl >= 0;
      if (!terminated) nl = text.length;
      const end = terminated && nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      take(d.line(text.slice(start, end)));
      start = nl + 1;
    }
  }
  take(d.end());
  return { records, stats: { ...d.stats }, diagnostics };
}
