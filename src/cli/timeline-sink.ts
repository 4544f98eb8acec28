import { createPalette } from '../render/palette.ts';
import { renderSummary } from '../render/render-summary.ts';
import { renderTimeline } from '../render/render-timeline.ts';
import { toImageRecord } from '../render/to-image-record.ts';
import { toSummaryRecord } from '../render/to-summary-record.ts';
import { toVolumeRecord } from '../render/to-volume-record.ts';
import type { AnalysisSink } from './consume-analysis.ts';
import type { ResolvedOptions } from './options.ts';
import { wantsColour } from './wants-colour.ts';

/**
 * The default command and `follow`: each timeline as it ends, then the summary (SIGHUP: the summary
 * so far). With --json one `volume` record per timeline, the `image` records, then the `summary`.
 */
export function timelineSink(o: ResolvedOptions): AnalysisSink {
  const human = { zone: o.tz, palette: createPalette(wantsColour(o) && !o.json) };
  return {
    timeline: (t) => (o.json ? `${JSON.stringify(toVolumeRecord(t, o.tz))}\n` : `${renderTimeline(t, human)}\n`),
    state(s, at) {
      if (!o.json) return renderSummary(s.summary, s.run, human);
      const images = at === 'end' ? s.images.map((i) => `${JSON.stringify(toImageRecord(i, o.tz))}\n`).join('') : '';
      return `${images}${JSON.stringify(toSummaryRecord(s.summary, s.run, o.tz))}\n`;
    },
  };
}
