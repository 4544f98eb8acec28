import { MAX_LINE_LENGTH } from '../../src/input/limits.ts';
import { openInput, type InputSource } from '../../src/io/open-input.ts';
import type { Diagnostic, InputFormat } from '../../src/model/log-record.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { toImageRecord } from '../../src/render/to-image-record.ts';
import { toSummaryRecord } from '../../src/render/to-summary-record.ts';
import type { ImageRecord } from '../../src/schema/image-record.ts';
import { toVolumeRecord } from '../../src/render/to-volume-record.ts';
import type { SummaryRecord, VolumeRecord } from '../../src/schema/volume-record.ts';

export interface RunOptions {
  readonly year?: number;
  readonly zone?: string;
  readonly inputFormat?: InputFormat;
  /** As `--diagnostics N`: report the first N unrecognised records (which turns the prefilter off). */
  readonly showUnrecognised?: number;
}

export interface RunResult {
  readonly volumes: VolumeRecord[];
  readonly summary: SummaryRecord;
  readonly diagnostics: Diagnostic[];
  /** `kind: "image"` records, written at the end of the input before the summary. */
  readonly images: ImageRecord[];
}

/** Runs the whole pipeline in-process over sources, as `clonewatch --json` does. */
export async function analyseSources(sources: InputSource[], o: RunOptions = {}): Promise<RunResult> {
  const zone = o.zone ?? 'UTC';
  const volumes: VolumeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  let summary: SummaryRecord | undefined;
  const images: ImageRecord[] = [];
  const stream = analyse(sources, [], {
    inputFormat: o.inputFormat,
    year: o.year ?? 2026,
    currentYear: 2026,
    zone,
    idleTimeoutMs: 30 * 60_000,
    maxOpen: 10_000,
    maxLineLength: MAX_LINE_LENGTH,
    showUnrecognised: o.showUnrecognised ?? 0,
  });
  for await (const item of stream) {
    if (item.kind === 'timeline') volumes.push(toVolumeRecord(item.timeline, zone));
    else if (item.kind === 'diagnostic') diagnostics.push(item.diagnostic);
    else {
      images.push(...item.images.map((i) => toImageRecord(i, zone)));
      summary = toSummaryRecord(item.summary, item.run, zone);
    }
  }
  if (summary === undefined) throw new Error('no summary');
  return { volumes, summary, diagnostics, images };
}

export async function analyseFiles(paths: string[], o: RunOptions = {}): Promise<RunResult> {
  const sources: InputSource[] = [];
  for (const p of paths) {
    const r = await openInput(p);
    if (!('source' in r)) throw new Error(r.error.message);
    sources.push(r.source);
  }
  return analyseSources(sources, o);
}

/** An in-memory input cut into chunks of the given sizes (cycled), for chunking tests. */
export function bufferSource(name: string, data: Buffer, sizes: readonly number[]): InputSource {
  return {
    name,
    mtimeMs: undefined,
    async *chunks() {
      let at = 0;
      let k = 0;
      while (at < data.length) {
        const n = Math.max(1, sizes[k++ % sizes.length] ?? 1);
        yield data.subarray(at, at + n);
        at += n;
      }
    },
  };
}
