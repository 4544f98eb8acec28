/**
 * Which entries to read: exact `FIELD=value` payloads looked up in the data hash table, and globs
 * matched against every value of a field (through the field's data chain). null reads every entry.
 */
export interface UnitMatch {
  readonly exact: readonly string[];
  readonly globs: readonly { readonly field: string; readonly pattern: RegExp }[];
}
