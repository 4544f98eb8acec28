/** The decimal digit at `s[i]`, or -1. Hand-rolled timestamp parsing on the hot path (no regex, no allocation). */
export const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** The two-digit number at `s[i..i+2)`, or -1. */
export const twoDigitsAt = (s: string, i: number): number => {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};
