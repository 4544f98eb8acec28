/**
 * Epoch milliseconds (with a sub-ms fraction) from a journald microsecond timestamp string such as
 * `__REALTIME_TIMESTAMP` (`"1735689598123456"`). Null when it is not a plain decimal number.
 * Computed as whole ms + (µs % 1000) / 1000, the same way the text modes compute it, so the same
 * instant gives the same number whatever the input format.
 */
export function microsToMs(us: string | null | undefined): number | null {
  if (us === null || us === undefined || us.length === 0 || us.length > 17) return null;
  let n = 0;
  for (let i = 0; i < us.length; i++) {
    const c = us.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return microsNumberToMs(n);
}

/** microsToMs of a timestamp already a number (a journal file's entry header): whole µs, at most 2^53. */
export function microsNumberToMs(n: number): number {
  const whole = Math.floor(n / 1000);
  return whole + (n - whole * 1000) / 1000;
}
