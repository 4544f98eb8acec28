import type { LogRecord } from '../model/log-record.ts';

const BATCH = 1024;

/**
 * Merges several inputs' record batches into one stream ordered by time (a k-way merge that reads
 * each input only as far as needed). A record without a time keeps its place after its input's
 * previous record. One input passes through unchanged.
 */
export async function* mergeByTime(inputs: readonly AsyncIterable<LogRecord[]>[]): AsyncGenerator<LogRecord[]> {
  if (inputs.length === 1 && inputs[0] !== undefined) {
    yield* inputs[0];
    return;
  }
  const heads = inputs.map((it) => ({ it: it[Symbol.asyncIterator](), buf: [] as LogRecord[], i: 0, done: false, lastTime: -Infinity }));
  const fill = async (h: (typeof heads)[number]) => {
    while (!h.done && h.i >= h.buf.length) {
      const r = await h.it.next();
      if (r.done) h.done = true;
      else [h.buf, h.i] = [r.value, 0];
    }
  };
  let out: LogRecord[] = [];
  for (;;) {
    await Promise.all(heads.map(fill));
    let best: (typeof heads)[number] | null = null;
    let bestTime = Infinity;
    for (const h of heads) {
      if (h.i >= h.buf.length) continue;
      const t = h.buf[h.i]?.time ?? h.lastTime;
      if (best === null || t < bestTime) [best, bestTime] = [h, t];
    }
    if (best === null) break;
    // Take from the chosen input while it stays the earliest (cheap: no await inside). Equal times go
    // to the input named first, so the order does not depend on where batches end (--jobs batches
    // differ from one thread's read chunks).
    let others = Infinity;
    let firstAtOthers = false;
    for (const h of heads) {
      if (h === best || h.i >= h.buf.length) continue;
      const t = h.buf[h.i]?.time ?? h.lastTime;
      if (t < others || (t === others && heads.indexOf(h) < heads.indexOf(best))) [others, firstAtOthers] = [t, heads.indexOf(h) < heads.indexOf(best)];
    }
    while (best.i < best.buf.length) {
      const r = best.buf[best.i] as LogRecord;
      const t = r.time ?? best.lastTime;
      if (t > others || (t === others && firstAtOthers)) break;
      best.lastTime = t;
      out.push(r);
      best.i++;
      if (out.length >= BATCH) {
        yield out;
        out = [];
      }
    }
  }
  if (out.length > 0) yield out;
}
