import type { InputStats, MayMatch } from '../model/log-record.ts';
import type { DiagnosticSink } from './create-diagnostic-sink.ts';
import type { RecordAssembler } from './create-record-assembler.ts';

/** What every format core shares: the input's name, options, counters, diagnostics and assembler. */
export interface DecoderContext {
  readonly input: string;
  readonly zone: string;
  readonly year: number;
  readonly stats: InputStats;
  readonly sink: DiagnosticSink;
  readonly assembler: RecordAssembler;
  /** The prefilter (createPrefilter), or null to parse every record in full. */
  readonly mayMatch: MayMatch | null;
}
