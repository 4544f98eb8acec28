/** A byte array from JSON: every element an integer 0-255. */
function isByteArray(v: readonly unknown[]): v is number[] {
  for (const b of v) {
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return false;
  }
  return true;
}

/**
 * Decode one journal JSON field value: a string; a byte array (UTF-8, invalid bytes → U+FFFD);
 * null (the value was 4096 bytes or more); or an array of those for a repeated field (the first
 * occurrence is used). Returns undefined for any other type.
 */
export function decodeFieldValue(v: unknown): string | null | undefined {
  if (typeof v === 'string') return v;
  if (v === null) return null;
  if (!Array.isArray(v)) return undefined;
  if (v.length === 0) return '';
  const first: unknown = v[0];
  if (typeof first === 'number') return isByteArray(v) ? Buffer.from(v).toString('utf8') : undefined;
  if (typeof first === 'string' || first === null) return first;
  if (Array.isArray(first) && first.length > 0 && typeof first[0] === 'number') {
    return isByteArray(first) ? Buffer.from(first).toString('utf8') : undefined;
  }
  if (Array.isArray(first) && first.length === 0) return '';
  return undefined;
}
