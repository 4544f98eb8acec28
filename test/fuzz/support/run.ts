import type { InputFormat } from '../../../src/model/log-record.ts';
import type { SummaryRecord, VolumeRecord } from '../../../src/schema/volume-record.ts';
import { analyseSources, bufferSource, type RunResult } from '../../helpers/analyse-files.ts';

/** One in-memory input through the whole pipeline (as `clonewatch --json`), cut into chunks of `sizes`. */
export function runBuffer(name: string, data: Buffer, o: { sizes?: readonly number[]; format?: InputFormat } = {}): Promise<RunResult> {
  return analyseSources([bufferSource(name, data, o.sizes ?? [1 << 20])], { year: 2026, zone: 'UTC', ...(o.format ? { inputFormat: o.format } : {}) });
}

type Lines = SummaryRecord['lines'];

/** read = recognised + unrecognised + prefiltered + continuation + markers + blank + malformed (+ blob). */
export const linesAddUp = (l: Lines): boolean => l.read === l.recognised + l.unrecognised + l.prefiltered + l.continuation + l.markers + l.blank + l.malformed + (l.blob ?? 0);

/** Lines in a text input as a line splitter sees them (`\n` ends a line; a last line may lack one). */
export function countLines(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return data.length > 0 && data[data.length - 1] !== 10 ? n + 1 : n;
}

/** A volume record without where its first line was (inserting or moving lines changes that). */
export function located(v: VolumeRecord): Omit<VolumeRecord, 'input'> {
  const { input: _input, ...rest } = v;
  return rest;
}

/** Volume records in a stable order (reordering hosts' lines may change the order flows end in). */
export const byFlow = (vs: readonly VolumeRecord[]) =>
  vs.map(located).sort((a, b) => `${a.host}|${a.requestId}|${a.volumeId}|${a.start}`.localeCompare(`${b.host}|${b.requestId}|${b.volumeId}|${b.start}`));

/** The diagnostics that make the CLI exit 1 (an input that could not be read). */
export const inputErrors = (r: RunResult) => r.diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('input-'));
