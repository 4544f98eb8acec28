import * as z from 'zod';

const byteArray = z.array(z.number().int().min(0).max(255));
const scalar = z.union([z.string(), byteArray, z.null()]);

/** A journal field value in JSON output: string, byte array, null, or an array of those. */
const journalFieldValueSchema = z.union([scalar, z.array(scalar)]);

/**
 * The shape clonewatch needs from one journal JSON entry: an object whose MESSAGE, when present,
 * is a valid field value. Other fields pass through untouched (a wrong type there is ignored).
 */
export const journalEntrySchema = z.looseObject({ MESSAGE: journalFieldValueSchema.optional() });
