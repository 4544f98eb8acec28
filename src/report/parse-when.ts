/** A `--since`/`--until` value: a wall-clock time (in `--tz`) or an instant with its own offset. */
export interface When {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC when the text carried `Z` or `±HH:MM`; null: read it in `--tz`. */
  readonly offsetMinutes: number | null;
}

const WHEN = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/;

/** `2026-03-22`, `2026-03-22 10:14`, `2026-03-22T10:14:05.250+01:00`, `…Z`; null when unreadable. */
export function parseWhen(text: string): When | null {
  const m = WHEN.exec(text.trim());
  if (m === null) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  const w = { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6), millisecond: Number((m[7] ?? '0').padEnd(3, '0')) };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 || w.hour > 23 || w.minute > 59 || w.second > 59) return null;
  const z = m[8];
  let offsetMinutes: number | null = null;
  if (z === 'Z') offsetMinutes = 0;
  else if (z !== undefined) {
    const digits = z.replace(':', '');
    offsetMinutes = (z.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { ...w, offsetMinutes };
}
