/** The distinct strings of a batch crossing threads: each stored once, records hold their index. */
export interface StringTable {
  readonly strings: string[];
  /** The index of `s` in `strings` (added if new), -1 for null. */
  indexOf(s: string | null): number;
}

export function createStringTable(): StringTable {
  const strings: string[] = [];
  const index = new Map<string, number>();
  return {
    strings,
    indexOf(s) {
      if (s === null) return -1;
      let i = index.get(s);
      if (i === undefined) {
        i = strings.length;
        strings.push(s);
        index.set(s, i);
      }
      return i;
    },
  };
}
