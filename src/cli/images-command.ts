import type { Command } from 'commander';
import type { SetRun } from './command-run.ts';
import { prestartReader } from './prestart-reader.ts';
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
    // The run (zod, the pipeline, the renderers) is loaded only when images runs, not for --help.
    .action((files: string[], raw: Record<string, unknown>) => {
      prestartReader(files, raw);
      setRun(async () => (await import('./run-images.ts')).runImages(files, raw));
    });
}
