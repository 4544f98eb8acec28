import * as z from 'zod';

// The same ISO and pino shapes as volume-record.ts (repeated here: that file imports this one).
const Iso = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
const PinoFields = { level: z.number().int(), time: z.number().optional(), msg: z.string() };

/** One write of the image into a store (upload or import); `mbps` is MB (MiB) per second, as cinder reports its own. */
export const ImageTransferSchema = z.object({
  kind: z.enum(['upload', 'import']),
  method: z.string().nullable(),
  store: z.string().nullable(),
  volumeType: z.string().nullable(),
  volumeId: z.string().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  start: Iso.nullable(),
  end: Iso.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  mbps: z.number().nonnegative().nullable(),
  status: z.enum(['succeeded', 'failed', 'incomplete']),
  host: z.string().nullable(),
  requestId: z.string().nullable(),
});

/** `kind: "image"`: one per image the input shows, written at the end of the input (before the summary). */
export const ImageRecordSchema = z.object({
  kind: z.literal('image'),
  ...PinoFields,
  imageId: z.string(),
  name: z.string().nullable(),
  diskFormat: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  stores: z.array(z.string()),
  storeDetails: z.array(z.object({ name: z.string(), volumeType: z.string().nullable(), backends: z.array(z.string()) })),
  transfers: z.array(ImageTransferSchema),
  lastTransfer: ImageTransferSchema.nullable(),
  served: z.object({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), cacheHits: z.number().int().nonnegative() }),
  volumes: z.object({ clone: z.number().int().nonnegative(), copy: z.number().int().nonnegative() }),
});
export type ImageRecord = z.infer<typeof ImageRecordSchema>;
