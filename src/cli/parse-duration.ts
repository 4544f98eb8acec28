const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `30m`, `90s`, `1h`, `1500ms`, or a bare number of seconds → milliseconds; null when unreadable. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  if (m === null) return null;
  return Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1000);
}
