import * as z from 'zod';
import { ConversionDirHostSchema } from './conversion-dir-record.ts';
import { ImageCacheRecordSchema } from './image-cache-record.ts';
import { ImageRecordSchema } from './image-record.ts';

/** ISO 8601 with milliseconds and a numeric offset, e.g. `2026-03-02T10:15:01.123+00:00`. */
const Iso = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);

export const PhaseSchema = z.object({
  name: z.enum(['download', 'convert', 'volume-copy', 'clone', 'temporary-image', 'glance-serve']),
  start: Iso.nullable(),
  end: Iso.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  sizeMB: z.number().nonnegative().nullable(),
  mbps: z.number().nonnegative().nullable(),
});

/** What would make the next such volume a clone (src/reduce/advice.ts). */
export const AdviceSchema = z.object({ code: z.string(), message: z.string(), command: z.string().nullable() });

/** pino's fields, so `clonewatch --json | pino-pretty` reads well. */
const PinoFields = {
  level: z.number().int(),
  time: z.number().optional(),
  msg: z.string(),
};

export const VolumeRecordSchema = z.object({
  kind: z.literal('volume'),
  ...PinoFields,
  volumeId: z.string().nullable(),
  source: z.enum(['image', 'raw', 'snapshot', 'source_vol', 'backup', 'other']),
  imageId: z.string().nullable(),
  imageName: z.string().nullable(),
  diskFormat: z.string().nullable(),
  imageSizeMB: z.number().nullable(),
  volumeSizeGiB: z.number().nullable(),
  status: z.enum(['succeeded', 'failed', 'incomplete']),
  provisioning: z.enum(['clone', 'copy']).nullable(),
  cloneMethod: z.enum(['rbd', 'netapp', 'glance-cinder', 'image-cache', 'unknown']).nullable(),
  conversion: z.object({ from: z.string(), to: z.string() }).nullable(),
  cacheSeeded: z.boolean(),
  reasons: z.array(z.string()),
  reasonCodes: z.array(z.string()),
  advice: z.array(AdviceSchema),
  notes: z.array(z.string()),
  requestId: z.string(),
  globalRequestId: z.string().nullable(),
  host: z.string().nullable(),
  backend: z.string().nullable(),
  start: Iso.nullable(),
  end: Iso.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  phases: z.array(PhaseSchema),
  internalVolumes: z.array(
    z.object({
      volumeId: z.string().nullable(),
      purpose: z.literal('image-cache-entry'),
      status: z.enum(['succeeded', 'failed', 'incomplete']),
      start: Iso.nullable(),
      end: Iso.nullable(),
      durationMs: z.number().int().nonnegative().nullable(),
      phases: z.array(PhaseSchema),
    }),
  ),
  error: z.string().nullable(),
  rescheduled: z.boolean(),
  glanceServe: z
    .object({
      host: z.string().nullable(),
      requestId: z.string().nullable(),
      method: z.string(),
      path: z.string(),
      status: z.number().int(),
      bytes: z.number().int().nonnegative(),
      start: Iso.nullable(),
      end: Iso.nullable(),
      durationMs: z.number().int().nonnegative().nullable(),
      cacheHit: z.boolean().nullable(),
    })
    .nullable(),
  input: z.object({ name: z.string(), line: z.number().int() }),
});
export type VolumeRecord = z.infer<typeof VolumeRecordSchema>;

const Counts = z.record(z.string(), z.number().int().nonnegative());

export const SummaryRecordSchema = z.object({
  kind: z.literal('summary'),
  ...PinoFields,
  span: z.object({ start: Iso.nullable(), end: Iso.nullable() }),
  volumes: z.object({
    total: z.number().int().nonnegative(),
    byStatus: Counts,
    bySource: Counts,
    byProvisioning: Counts,
    byCloneMethod: Counts,
    withConversion: z.number().int().nonnegative(),
    cacheSeeded: z.number().int().nonnegative(),
    internal: z.number().int().nonnegative(),
  }),
  reasons: Counts,
  advice: z.array(AdviceSchema.extend({ volumes: z.number().int().positive() })),
  imageCache: z.array(ImageCacheRecordSchema),
  temporaryImages: z.object({
    count: z.number().int().nonnegative(),
    peakConcurrent: z.number().int().nonnegative(),
    peakAt: Iso.nullable(),
    peakHost: z.string().nullable(),
    longestMs: z.number().int().nonnegative().nullable(),
  }),
  /** image_conversion_dir per host (without the curve's points: `report --json` has them). */
  conversionDir: z.array(ConversionDirHostSchema),
  lines: z.object({
    read: z.number().int().nonnegative(),
    recognised: z.number().int().nonnegative(),
    unrecognised: z.number().int().nonnegative(),
    /** Records no recogniser could match, parsed only in part (not offered to the recognisers); `unrecognised` with --diagnostics. */
    prefiltered: z.number().int().nonnegative(),
    continuation: z.number().int().nonnegative(),
    markers: z.number().int().nonnegative(),
    blank: z.number().int().nonnegative(),
    malformed: z.number().int().nonnegative(),
    /** Messages printed as `[NB blob data]` (journalctl without --all); present only when some were. */
    blob: z.number().int().nonnegative().optional(),
  }),
  inputs: z.array(
    z.object({ name: z.string(), format: z.string().nullable(), read: z.number().int().nonnegative(), error: z.string().nullable() }),
  ),
  diagnostics: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
});
export type SummaryRecord = z.infer<typeof SummaryRecordSchema>;

export const OutputRecordSchema = z.discriminatedUnion('kind', [VolumeRecordSchema, ImageRecordSchema, SummaryRecordSchema]);
