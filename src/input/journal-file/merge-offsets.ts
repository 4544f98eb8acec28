/** Merges increasing offset sequences into one increasing sequence without repeats (an entry matched twice is read once). */
export function* mergeOffsets(sources: readonly Iterator<number>[]): Generator<number> {
  const heads: (number | null)[] = sources.map((s) => {
    const r = s.next();
    return r.done === true ? null : r.value;
  });
  let last = -1;
  for (;;) {
    let min = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h !== null && h !== undefined && (min < 0 || h < (heads[min] ?? Infinity))) min = i;
    }
    if (min < 0) return;
    const v = heads[min] as number;
    const r = (sources[min] as Iterator<number>).next();
    heads[min] = r.done === true ? null : r.value;
    if (v !== last) yield v;
    last = v;
  }
}
