import type { ImageData, ImageTransfer } from '../reduce/image.ts';
import { createTimelineFilter, type TimelineFilterOptions } from './timeline-filter.ts';

/**
 * `--since/--until/--host/--image/--volume` applied to the Glance images every command sees (the
 * `images` table, the image records of `--json`, the store writes of `report` and `throughput`),
 * or null when no filter option was given:
 * - `--image` keeps the images it names (id, id prefix of 8+ characters, or exact name);
 * - an upload or import is kept when it overlaps the time window and ran on one of the hosts; with
 *   `--volume` none is (a write belongs to an image, not to a volume);
 * - with `--since/--until/--host/--volume`, an image is listed only when a kept volume was created
 *   from it or one of its writes is kept. Its volume counts are those of the kept volumes (the
 *   pipeline counts only those); what glance-api served is not filtered.
 */
export function createImageFilter(o: TimelineFilterOptions, zone: string): ((images: readonly ImageData[]) => ImageData[]) | null {
  const keep = createTimelineFilter(o, zone);
  if (keep === null) return null;
  const named = createTimelineFilter({ image: o.image }, zone);
  const byVolume = (o.volume ?? []).length > 0;
  const narrowed = byVolume || o.since !== undefined || o.until !== undefined || (o.host ?? []).length > 0;
  const keepWrite = (i: ImageData, x: ImageTransfer) =>
    !byVolume && keep({ start: x.start, end: x.end, host: x.host, imageId: i.imageId, imageName: i.name, volumeId: null });
  return (images) =>
    images.flatMap((i) => {
      if (named !== null && !named({ start: null, end: null, host: null, imageId: i.imageId, imageName: i.name, volumeId: null })) return [];
      const transfers = i.transfers.filter((x) => keepWrite(i, x));
      if (narrowed && transfers.length === 0 && i.volumes.clone + i.volumes.copy === 0) return [];
      return [{ ...i, transfers }];
    });
}
