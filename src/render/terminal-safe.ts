// C0 controls (incl. ESC, but also TAB/CR/LF, which would break a one-line field), DEL and C1 controls,
// and the Unicode line/paragraph separators and bidi overrides that can disguise text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;

/** Log-derived text made inert for a terminal: escape sequences removed, other control characters shown as `?`. */
export function terminalSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  UNSAFE.lastIndex = 0;
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : '?'));
}
