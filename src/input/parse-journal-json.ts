import { journalEntrySchema } from './journal-entry-schema.ts';

/** Outcome of parsing one JSON entry: the object, or a diagnostic code and the reason. */
export type JournalJsonResult =
  | { readonly ok: true; readonly entry: Record<string, unknown> }
  | { readonly ok: false; readonly code: 'malformed-json' | 'bad-message-type'; readonly reason: string };

/** A byte array from JSON: every element an integer 0-255 (what the schema's byte array accepts). */
function isByteArray(v: readonly unknown[]): boolean {
  for (let i = 0; i < v.length; i++) {
    const b = v[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return false;
  }
  return true;
}

/**
 * Parse one journal entry from JSON text without throwing. A MESSAGE that is a plain string, null
 * or a byte array (the common cases; a byte array per coloured line) is checked by hand; anything
 * else is checked with zod (profiled: zod's per-element checks of byte arrays were a quarter of
 * the CPU time on -o json).
 */
export function parseJournalJson(text: string): JournalJsonResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'malformed-json', reason: e instanceof Error ? e.message : String(e) };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { ok: false, code: 'malformed-json', reason: `expected an object, got ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v}` };
  }
  const obj = v as Record<string, unknown>;
  const msg = obj['MESSAGE'];
  if (typeof msg === 'string' || msg === undefined || msg === null) return { ok: true, entry: obj };
  if (Array.isArray(msg) && isByteArray(msg)) return { ok: true, entry: obj };
  const r = journalEntrySchema.safeParse(obj);
  if (r.success) return { ok: true, entry: obj };
  const issue = r.error.issues[0];
  return {
    ok: false,
    code: 'bad-message-type',
    reason: `MESSAGE is ${Array.isArray(msg) ? 'an array that is not bytes or strings' : typeof msg}${issue ? ` (${issue.message})` : ''}`,
  };
}
