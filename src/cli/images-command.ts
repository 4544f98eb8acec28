import type { Command } from 'commander';
import { createTimelineFilter } from '../report/timeline-filter.ts';
import { createPalette } from '../render/palette.ts';
import { renderImages } from '../render/render-images.ts';
import { toImageRecord } from '../render/to-image-record.ts';
import type { SetRun } from './command-run.ts';
import { consumeAnalysis, type AnalysisSink } from './consume-analysis.ts';
import type { ResolvedOptions } from './options.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { wantsColour } from './wants-colour.ts';
import { EXIT_STATUS_HELP, READ_TO_END_HELP, withAnalyseOptions } from './with-analyse-options.ts';

const EXAMPLES = `
Examples:
  clonewatch images glance-api.log cinder-volume.log          (where each image lives, its last upload)
  journalctl -o json -u devstack@g-api -u devstack@c-vol | clonewatch images --json

--image lists the images it names. --host, --since, --until and --volume count only the volumes they
keep (a volume counts once it succeeded as a clone or a copy) and show only the uploads and imports
they keep (none with --volume); an image with neither is not listed. What glance-api served is
counted whole.
${READ_TO_END_HELP}
${EXIT_STATUS_HELP}`;

/** `clonewatch images [FILE…]`: the image placement table (human) or one `image` record per image (--json). */
export function registerImages(root: Command, setRun: SetRun): void {
  withAnalyseOptions(
    root.command('images')
      .description('where each Glance image lives: format, size, stores (with volume type and cinder backend), last upload/import and its MB/s')
      .argument('[files...]', 'glance-api and cinder-volume journals or oslo.log files, .gz allowed; - or nothing for stdin'),
    'NDJSON output: one image record per image',
  )
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => setRun(async () => {
      const r = resolveInvocation(files, raw, { command: 'images' });
      return typeof r === 'number' ? r : consumeAnalysis(r, imagesSink(r.options));
    }));
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
