import type { Event } from '../recognise/event.ts';
import type { VolumeSpec } from '../recognise/parse-volume-spec.ts';
import type { Phase } from './timeline.ts';

const MiB = 1_048_576;
const GiB = 1_073_741_824;

/**
 * One file a create kept in cinder's `image_conversion_dir`:
 * - `download`: the image fetched from Glance (TemporaryImages' `image_fetch_<image>_…`), at the size
 *   the fetch logged, from the download's start until `Temporary image … is deleted` (else the end of
 *   the flow);
 * - `converted`: a `qemu-img convert` whose destination is a file beside its source in that directory
 *   (RBD's copy_image_to_volume converts into a NamedTemporaryFile there and `rbd import`s it), at the
 *   image's virtual size (the conversion's logged size; the volume's size when cinder could not tell),
 *   from the conversion's start until copy_image_to_volume returns (`Downloaded image … successfully.`,
 *   logged after the driver's `with` block removed the file), else the end of the flow.
 * `end` null: the flow's end is not in the input; the file is held until the input ends.
 */
export interface ConversionFile {
  readonly kind: 'download' | 'converted';
  readonly bytes: number;
  /** The size is an upper bound (the volume's size), not a logged one. */
  readonly estimated: boolean;
  readonly start: number;
  readonly end: number | null;
  readonly released: 'deleted' | 'copied' | 'flow-end' | 'input-end';
}

/** A create that failed for lack of space in the conversion directory, and what it asked for. */
export interface NoSpaceFailure {
  readonly at: number;
  /** What ran out: the download into the directory, cinder's free-space check before it, or the conversion into it. */
  readonly during: 'download' | 'space-check' | 'conversion';
  /** The bytes the failing step needed (cinder's `Requested:`, else the image's or volume's size); null: unknown. */
  readonly requestedBytes: number | null;
  /** Free bytes cinder saw (its space check logs them), else null. */
  readonly availableBytes: number | null;
  /** The line that says so. */
  readonly message: string;
}

export interface ConversionDirUse {
  readonly files: readonly ConversionFile[];
  readonly noSpace: NoSpaceFailure | null;
}

/** cinder's check_available_space (ImageTooBig), seen in the exception text of the failed flow. */
const SPACE_CHECK = /There is no space on (\S+) to convert image\. Requested: (\d+), available: (\d+)\./;
const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
const num = (v: string | undefined) => (v === undefined ? null : Number(v));

/**
 * What one create held in the conversion directory, from its events and the phases built from them
 * (`end`: the flow's last line; `open`: its end is not in the input). Null when it held nothing and
 * did not fail for lack of space there.
 */
export function conversionDirUse(events: readonly Event[], phases: readonly Phase[], end: number | null, open: boolean, spec: VolumeSpec | null): ConversionDirUse | null {
  const files: ConversionFile[] = [];
  const until = (from: number, release: Event | undefined, how: 'deleted' | 'copied') =>
    release?.record.time != null ? { end: release.record.time, released: how } : open || end === null ? { end: null, released: 'input-end' as const } : { end: Math.max(from, end), released: 'flow-end' as const };
  const after = (t: number, type: Event['type']) => events.find((e) => e.type === type && e.record.time !== null && e.record.time >= t);

  for (const p of phases) {
    if (p.name !== 'download' || p.start === null || p.sizeMB === null) continue;
    files.push({ kind: 'download', bytes: Math.round(p.sizeMB * MiB), estimated: false, start: p.start, ...until(p.start, after(p.end ?? p.start, 'tempImageDeleted'), 'deleted') });
  }
  const converts = phases.filter((p) => p.name === 'convert' && p.end !== null);
  const intoDir = events.filter((e) => (e.type === 'conversionDetails' || e.type === 'conversionDone') && isBeside(e.fields['dest'], e.fields['src']));
  for (const e of intoDir) {
    const t = e.record.time;
    if (t === null) continue;
    // The DEBUG details line has the real duration; the phase (ending at the INFO line just after it) the start.
    const phase = converts.find((p) => (p.end ?? -Infinity) >= t);
    const seconds = num(e.fields['durationSec']);
    const sizeMB = num(e.fields['sizeMB']) ?? phase?.sizeMB ?? null;
    const volumeBytes = spec?.volumeSizeGiB == null ? null : spec.volumeSizeGiB * GiB;
    const bytes = sizeMB === null ? volumeBytes : Math.round(sizeMB * MiB);
    if (bytes === null) continue;
    const start = seconds !== null ? t - seconds * 1000 : (phase?.start ?? t);
    if (files.some((f) => f.kind === 'converted' && f.start === start)) continue; // the DEBUG details and the INFO line of one conversion
    files.push({ kind: 'converted', bytes, estimated: sizeMB === null, start, ...until(start, after(t, 'imageDownloaded'), 'copied') });
  }
  const noSpace = noSpaceOf(events, spec);
  return files.length === 0 && noSpace === null ? null : { files, noSpace };
}

/** A destination that is a file in the directory of its source (the temporary image): not a device, not a share. */
function isBeside(dest: string | undefined, src: string | undefined): boolean {
  if (dest === undefined || src === undefined || dest.startsWith('/dev/')) return false;
  return dirOf(dest) === dirOf(src) && dirOf(dest) !== '';
}

function noSpaceOf(events: readonly Event[], spec: VolumeSpec | null): NoSpaceFailure | null {
  const imageBytes = spec?.imageSizeBytes ?? null;
  for (const e of events) {
    const at = e.record.time;
    if (at === null) continue;
    if (e.rowId === 'image-utils.no-space' || e.rowId === 'volume-utils.copy-failed.too-big' || e.rowId === 'driver.copy-failed.no-space') {
      return { at, during: 'download', requestedBytes: imageBytes, availableBytes: null, message: e.record.text };
    }
    if (e.type === 'conversionFailed') {
      return { at, during: 'conversion', requestedBytes: spec?.volumeSizeGiB == null ? null : spec.volumeSizeGiB * GiB, availableBytes: null, message: e.record.text };
    }
    for (const line of [e.record.text, ...e.record.extra]) {
      const m = SPACE_CHECK.exec(line);
      if (m) return { at, during: 'space-check', requestedBytes: Number(m[2]), availableBytes: Number(m[3]), message: m[0] };
    }
  }
  return null;
}
