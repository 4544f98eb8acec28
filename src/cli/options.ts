import * as z from 'zod';
import { INPUT_FORMATS } from '../model/log-record.ts';
import { isValidZone } from '../time/is-valid-zone.ts';
import { parseDuration } from './parse-duration.ts';
import { parseWhen } from '../report/parse-when.ts';

/** `--since`/`--until`: a date and time, read in --tz unless it carries an offset. */
const When = (flag: string) =>
  z.string().transform((s, ctx) => {
    const w = parseWhen(s);
    if (w === null) {
      ctx.addIssue({ code: 'custom', message: `${flag} takes a date and time such as "2026-03-22 10:14", 2026-03-22T10:14:05 or 2026-03-22T10:14Z, not "${s}"` });
      return z.NEVER;
    }
    return w;
  });

/** The flags as commander hands them over (strings), validated once into the resolved context. */
export const RawOptionsSchema = z.object({
  json: z.boolean().default(false),
  inputFormat: z.enum(INPUT_FORMATS, { error: () => `--input-format must be one of: ${INPUT_FORMATS.join(', ')}` }).optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, { error: '--year takes a four-digit year, e.g. --year 2026' })
    .transform(Number)
    .optional(),
  tz: z
    .string()
    .refine((z) => z === 'local' || isValidZone(z), { error: (i) => `--tz takes an IANA zone name such as UTC or Europe/Berlin, not "${String(i.input)}"` })
    .default('local'),
  idleTimeout: z
    .string()
    .transform((s, ctx) => {
      const ms = parseDuration(s);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: `--idle-timeout takes a duration such as 30m, 90s or 1h, not "${s}"` });
        return z.NEVER;
      }
      return ms;
    })
    .default(30 * 60_000),
  maxOpen: z
    .string()
    .regex(/^[1-9]\d*$/, { error: '--max-open takes a positive whole number' })
    .transform(Number)
    .default(10_000),
  diagnostics: z
    .union([z.boolean(), z.string().regex(/^\d+$/, { error: '--diagnostics takes an optional count, e.g. --diagnostics 20' })])
    .transform((v) => (v === true ? 10 : v === false ? 0 : Number(v)))
    .default(0),
  strict: z.boolean().default(false),
  maxGzipRatio: z
    .string()
    .regex(/^[1-9]\d*$/, { error: '--max-gzip-ratio takes a positive whole number, e.g. --max-gzip-ratio 1000' })
    .transform(Number)
    .default(100),
  metricsPort: z
    .string()
    .regex(/^\d{1,5}$/, { error: '--metrics-port takes a port number, e.g. --metrics-port 9464' })
    .transform(Number)
    .refine((n) => n <= 65535, { error: '--metrics-port takes a port from 0 to 65535 (0: any free port)' })
    .optional(),
  metricsHost: z.string().min(1, { error: '--metrics-host takes an address, e.g. 127.0.0.1 or 0.0.0.0' }).default('127.0.0.1'),
  color: z.boolean().optional(),
  since: When('--since').optional(),
  until: When('--until').optional(),
  host: z.array(z.string().min(1, { error: '--host takes a host name' })).default([]),
  image: z.array(z.string().min(1, { error: '--image takes an image id or name' })).default([]),
  volume: z.array(z.string().min(1, { error: '--volume takes a volume id' })).default([]),
  unit: z.array(z.string().min(1, { error: '--unit takes a unit name or glob, e.g. -u devstack@c-vol' })).default([]),
  allUnits: z.boolean().default(false),
  jobs: z
    .string()
    .regex(/^[1-9]\d*$/, { error: '--jobs takes a positive whole number of threads, e.g. --jobs 2 (1: no worker threads)' })
    .transform(Number)
    .optional(),
});

export type ResolvedOptions = z.output<typeof RawOptionsSchema>;

/** Validates every option at once; on failure returns all messages (style §5). */
export function resolveOptions(raw: unknown): { ok: true; options: ResolvedOptions } | { ok: false; errors: string[] } {
  const r = RawOptionsSchema.safeParse(raw);
  if (r.success) return { ok: true, options: r.data };
  return { ok: false, errors: r.error.issues.map((i) => i.message) };
}
