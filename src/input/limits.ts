/** Longest line (in UTF-16 units) a text decoder accepts; longer lines are malformed. */
export const MAX_LINE_LENGTH = 1 << 20;

/** Largest export field (binary length prefix or text line) accepted: 64 MiB. */
export const MAX_EXPORT_FIELD = 64 * 1024 * 1024;

/** Largest json-pretty object (sum of its lines) accepted. */
export const MAX_PRETTY_OBJECT = 64 * 1024 * 1024;

/** Individual diagnostics reported per code before they are only counted. */
export const DIAGNOSTICS_PER_CODE = 5;
