import type { ImageData } from '../reduce/image.ts';
import { formatStores } from './format-stores.ts';
import type { Palette } from './palette.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

/** The report's Images section: where each image lives (stores, volume type, backends) and the clones and copies made from it. */
export function renderReportImages(images: readonly ImageData[], p: Palette): string[] {
  const out = [p.bold('Images')];
  if (images.length === 0) out.push('  none in the input');
  for (const i of images) {
    const stores = i.storeDetails.length === 0 ? p.dim('stores not shown') : `in ${formatStores(i.storeDetails, p)}`;
    out.push(`  ${safe(i.imageId)}${i.name ? ` "${safe(i.name)}"` : ''}  ${stores} · clone ${i.volumes.clone} · copy ${i.volumes.copy}`);
  }
  return out;
}
