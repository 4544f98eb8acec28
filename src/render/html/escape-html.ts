const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0/C1 controls (other than tab and line feed) and the bidi overrides that can disguise text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Log-derived text made inert in HTML text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` are written as
 * \u escapes, so no log string can close the element (`</script>`) or open a comment; U+2028/9 too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
