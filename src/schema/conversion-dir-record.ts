import * as z from 'zod';

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
const Bytes = z.number().int().nonnegative();

/** One host's conversion directory in `--json` (summary: without `points`; report: with them). */
export const ConversionDirHostSchema = z.object({
  host: z.string().nullable(),
  backends: z.array(z.string()),
  peakBytes: Bytes,
  at: Iso,
  volumes: z.array(z.object({ volumeId: z.string().nullable(), requestId: z.string(), bytes: Bytes, files: z.array(z.enum(['download', 'converted', 'requested'])) })),
  noSpace: z.array(
    z.object({
      volumeId: z.string().nullable(),
      requestId: z.string(),
      at: Iso,
      during: z.enum(['download', 'space-check', 'conversion']),
      requestedBytes: Bytes.nullable(),
      availableBytes: Bytes.nullable(),
      message: z.string(),
    }),
  ),
  heldToInputEnd: z.number().int().nonnegative(),
  points: z.array(z.object({ t: Iso, bytes: Bytes })).optional(),
});
export type ConversionDirHostRecord = z.infer<typeof ConversionDirHostSchema>;
