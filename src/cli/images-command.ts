import { openAnalysis } from './open-analysis.ts';
import type { Command } from 'commander';
import { createWriter } from '../io/create-writer.ts';
import type { ImageData } from '../reduce/image.ts';
import { formatDiagnostic } from '../render/format-diagnostic.ts';
import { createPalette } from '../render/palette.ts';
import { renderImages } from '../render/render-images.ts';
import { toImageRecord } from '../render/to-image-record.ts';
import type { SetRun } from './command-run.ts';
import { EXIT } from './exit-codes.ts';
import type { ResolvedOptions } from './options.ts';
import { resolveInvocation } from './resolve-invocation.ts';
import { withAnalyseOptions } from './with-analyse-options.ts';

const EXAMPLES = `
Examples:
  clonewatch images glance-api.log cinder-volume.log          (where each image lives, its last upload)
  journalctl -o json -u devstack@g-api -u devstack@c-vol | clonewatch images --json`;

/** `clonewatch images [FILE…]`: the image placement table (human) or one `image` record per image (--json). */
export function registerImages(root: Command, setRun: SetRun): void {
  withAnalyseOptions(
    root.command('images')
      .description('where each Glance image lives: format, size, stores (with volume type and cinder backend), last upload/import and its MB/s')
      .argument('[files...]', 'glance-api and cinder-volume journals or oslo.log files, .gz allowed; - or nothing for stdin'),
  )
    .addHelpText('after', EXAMPLES)
    .action((files: string[], raw: Record<string, unknown>) => setRun(async () => {
      const r = resolveInvocation(files, raw);
      return typeof r === 'number' ? r : runImages(r.files, r.options);
    }));
}

async function runImages(files: readonly string[], o: ResolvedOptions): Promise<number> {
  const { analysis } = await openAnalysis(files, o);
  let exit: number = EXIT.ok;
  let images: readonly ImageData[] = [];
  let strictProblem = false;
  try {
    for await (const item of analysis.outputs) {
      if (item.kind === 'diagnostic') {
        if (item.diagnostic.severity !== 'info' || o.diagnostics > 0) process.stderr.write(`${formatDiagnostic(item.diagnostic)}\n`);
        if (item.diagnostic.severity === 'error' && item.diagnostic.code.startsWith('input-')) exit = EXIT.failure;
      } else if (item.kind === 'end') {
        images = item.images;
        strictProblem = item.run.inputs.some((i) => i.stats.malformed > 0 || i.error !== null);
      }
    }
  } finally {
    if (files.includes('-')) process.stdin.destroy();
  }
  const out = createWriter(process.stdout);
  const colour = o.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
  if (o.json) {
    for (const image of images) {
      await out.write(`${JSON.stringify(toImageRecord(image, o.tz))}\n`);
      if (out.closed) break;
    }
  } else {
    await out.write(renderImages(images, { zone: o.tz, palette: createPalette(colour) }));
  }
  if (o.strict && strictProblem && exit === EXIT.ok) return EXIT.failure;
  return exit;
}
