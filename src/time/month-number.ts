const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** 1-12 for the English `%b` abbreviation at `s[i..i+3)`, 0 otherwise. */
export function monthNumber(s: string, i = 0): number {
  if (s.length < i + 3) return 0;
  const c0 = s.charCodeAt(i);
  if (c0 < 65 || c0 > 90) return 0;
  const m = s.slice(i, i + 3);
  const at = MONTHS.indexOf(m);
  return at >= 0 && at % 3 === 0 ? at / 3 + 1 : 0;
}
