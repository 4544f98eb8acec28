import { createTimelineFilter } from '../report/timeline-filter.ts';
import { createPalette } from '../render/palette.ts';
import { renderImages } from '../render/render-images.ts';
import { toImageRecord } from '../render/to-image-record.ts';
import { consumeAnalysis, type AnalysisSink } from './consume-analysis.ts';
import type { ResolvedOptions } from './options.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { wantsColour } from './wants-colour.ts';

/** `clonewatch images` once parsed (loaded only for it: see images-command.ts). */
export async function runImages(files: readonly string[], raw: Record<string, unknown>): Promise<number> {
  const r = resolveInvocation(files, raw, { command: 'images' });
  return typeof r === 'number' ? r : consumeAnalysis(r, imagesSink(r.options));
}

/** The images the filters keep, with their placement: a table, or one `image` record per image (--json). */
function imagesSink(o: ResolvedOptions): AnalysisSink {
  const human = { zone: o.tz, palette: createPalette(wantsColour(o)) };
  const filtered = createTimelineFilter(o, o.tz) !== null;
  return {
    timeline: () => '',
    state(s) {
      if (o.json) return s.images.map((i) => `${JSON.stringify(toImageRecord(i, o.tz))}\n`).join('');
      return s.images.length === 0 && filtered ? `${human.palette.dim('no images match the filters')}\n` : renderImages(s.images, human);
    },
  };
}
