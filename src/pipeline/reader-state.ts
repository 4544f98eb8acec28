import type { Decoder } from '../input/create-decoder.ts';
import type { InputSource } from '../io/open-input.ts';
import { emptyStats, type Diagnostic, type InputFormat, type InputStats, type LogRecord } from '../model/log-record.ts';

/** What a reader reports about its input while and after it is read. */
export interface ReaderState {
  readonly name: string;
  format: InputFormat | null;
  stats: InputStats;
  error: string | null;
  readonly diagnostics: Diagnostic[];
  /** Live mode: emit the record held for possible continuation lines (set once the format is known). */
  flushHeld: () => LogRecord[];
}

/** Copies a decoder's counts into `state` and moves its diagnostics, and the source's, there. */
export function takeDecoderState(state: ReaderState, decoder: Pick<Decoder, 'stats' | 'takeDiagnostics'>, source: Pick<InputSource, 'takeDiagnostics'>): void {
  state.stats = { ...decoder.stats };
  state.diagnostics.push(...decoder.takeDiagnostics());
  if (source.takeDiagnostics !== undefined) state.diagnostics.push(...source.takeDiagnostics());
}

export function newReaderState(name: string): ReaderState {
  return { name, format: null, stats: emptyStats(), error: null, diagnostics: [], flushHeld: () => [] };
}
