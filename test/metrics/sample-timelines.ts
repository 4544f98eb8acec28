import { MAX_LINE_LENGTH } from '../../src/input/limits.ts';
import { openInput } from '../../src/io/open-input.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import type { Timeline } from '../../src/reduce/timeline.ts';
import { lineTotals } from '../../src/render/run-totals.ts';

export interface SampleRun {
  readonly timelines: Timeline[];
  readonly lines: { read: number; recognised: number; unrecognised: number; prefiltered: number };
}

/** The whole pipeline over one sample file, with the options of test/helpers/analyse-files.ts. */
export async function sampleTimelines(path: string): Promise<SampleRun> {
  const opened = await openInput(path);
  if (!('source' in opened)) throw new Error(opened.error.message);
  const timelines: Timeline[] = [];
  let lines: SampleRun['lines'] | undefined;
  const stream = analyse([opened.source], [], {
    inputFormat: undefined,
    year: 2026,
    currentYear: 2026,
    zone: 'UTC',
    idleTimeoutMs: 30 * 60_000,
    maxOpen: 10_000,
    maxLineLength: MAX_LINE_LENGTH,
    showUnrecognised: 0,
  });
  for await (const item of stream) {
    if (item.kind === 'timeline') timelines.push(item.timeline);
    else if (item.kind === 'end') lines = lineTotals(item.run);
  }
  if (lines === undefined) throw new Error('The pipeline ended without its summary');
  return { timelines, lines };
}
