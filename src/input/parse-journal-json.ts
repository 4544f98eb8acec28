import { journalEntrySchema } from './journal-entry-schema.ts';

/** Outcome of parsing one JSON entry: the object, or a diagnostic code and the reason. */
export type JournalJsonResult =
  | { readonly ok: true; readonly entry: Record<string, unknown> }
  | { readonly ok: false; readonly code: 'malformed-json' | 'bad-message-type'; readonly reason: string };

/**
 * Parse one journal entry from JSON text without throwing. A MESSAGE that is a plain string
 * (the common case) skips schema validation; anything else is checked with zod.
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
  if (typeof msg === 'string' || msg === undefined) return { ok: true, entry: obj };
  const r = journalEntrySchema.safeParse(obj);
  if (r.success) return { ok: true, entry: obj };
  const issue = r.error.issues[0];
  return {
    ok: false,
    code: 'bad-message-type',
    reason: `MESSAGE is ${Array.isArray(msg) ? 'an array that is not bytes or strings' : typeof msg}${issue ? ` (${issue.message})` : ''}`,
  };
}
