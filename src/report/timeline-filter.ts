import type { Timeline } from '../reduce/timeline.ts';
import { whenToEpoch, type When } from './parse-when.ts';

/** `--since/--until/--host/--image/--volume`: which timelines every command keeps. */
export interface TimelineFilterOptions {
  readonly since?: When | undefined;
  readonly until?: When | undefined;
  readonly host?: readonly string[] | undefined;
  readonly image?: readonly string[] | undefined;
  readonly volume?: readonly string[] | undefined;
}

/** What the filter reads of a timeline (a Glance write or an image is checked as one too). */
export type Filtered = Pick<Timeline, 'start' | 'end' | 'host' | 'imageId' | 'imageName' | 'volumeId'>;

const idMatches = (id: string | null, wanted: readonly string[]) => id !== null && wanted.some((x) => id === x || (x.length >= 8 && id.startsWith(x)));

/**
 * The one filter all commands apply to the timelines (before the summary counts them), or null when
 * no filter option was given. A timeline is kept when it overlaps [since, until] (a provisioning
 * running at 10:14 is kept by `--since 10:14`), runs on one of the hosts, is from one of the images
 * (id, id prefix of 8+ characters, or exact name) and is one of the volumes (id or id prefix).
 */
export function createTimelineFilter(o: TimelineFilterOptions, zone: string): ((t: Filtered) => boolean) | null {
  const since = o.since === undefined ? null : whenToEpoch(o.since, zone);
  const until = o.until === undefined ? null : whenToEpoch(o.until, zone);
  const hosts = o.host ?? [];
  const images = o.image ?? [];
  const volumes = o.volume ?? [];
  if (since === null && until === null && hosts.length === 0 && images.length === 0 && volumes.length === 0) return null;
  return (t) => {
    const start = t.start ?? t.end;
    const end = t.end ?? t.start;
    if (since !== null && (end === null || end < since)) return false;
    if (until !== null && (start === null || start > until)) return false;
    if (hosts.length > 0 && (t.host === null || !hosts.includes(t.host))) return false;
    if (images.length > 0 && !(idMatches(t.imageId, images) || (t.imageName !== null && images.includes(t.imageName)))) return false;
    if (volumes.length > 0 && !idMatches(t.volumeId, volumes)) return false;
    return true;
  };
}

