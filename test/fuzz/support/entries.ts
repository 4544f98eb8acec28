import type { InputFormat } from '../../../src/model/log-record.ts';

/**
 * One piece of a rendered journal: a whole entry (everything journalctl printed for it) or a piece
 * that is not an entry (a `-- Boot … --` marker, a blank line between entries). Joining the
 * `bytes` of all units gives the input back byte for byte.
 */
export interface Unit {
  readonly bytes: Buffer;
  readonly entry: boolean;
}

/** The pieces of `data` up to and including each `\n` (the last piece may lack one). */
export function splitLines(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  while (start < data.length) {
    const nl = data.indexOf(10, start);
    const end = nl < 0 ? data.length : nl + 1;
    out.push(data.subarray(start, end));
    start = end;
  }
  return out;
}

/** Export stream entries (binary fields skipped by their length), each with its closing empty line. */
export function exportUnits(data: Buffer): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  let i = 0;
  while (i < data.length) {
    const nl = data.indexOf(10, i);
    if (nl < 0) break;
    if (nl === i) {
      units.push({ bytes: data.subarray(start, nl + 1), entry: nl > start });
      start = nl + 1;
      i = nl + 1;
      continue;
    }
    if (data.subarray(i, nl).indexOf(61) < 0) {
      // NAME\n + u64le length + payload + \n
      const len = nl + 9 <= data.length ? Number(data.readBigUInt64LE(nl + 1)) : 0;
      i = nl + 9 + len + 1;
      continue;
    }
    i = nl + 1;
  }
  if (start < data.length) units.push({ bytes: data.subarray(start), entry: true });
  return units;
}

/** json-pretty: an object from a `{` line to a `}` line. */
function prettyUnits(data: Buffer): Unit[] {
  const units: Unit[] = [];
  let open = -1;
  let at = 0;
  for (const line of splitLines(data)) {
    const c = line[0];
    if (open < 0 && c === 0x7b) open = at;
    at += line.length;
    if (open >= 0 && c === 0x7d) {
      units.push({ bytes: data.subarray(open, at), entry: true });
      open = -1;
    } else if (open < 0) {
      units.push({ bytes: line, entry: false });
    }
  }
  if (open >= 0) units.push({ bytes: data.subarray(open), entry: true });
  return units;
}

const isMarker = (line: Buffer): boolean => line.length >= 3 && line[0] === 0x2d && line[1] === 0x2d && line[2] === 0x20;

/**
 * Split a rendered journal into entries. Text modes: one line per entry (the samples have no
 * multi-line messages), `-- … --` lines are markers; an indented line belongs to the entry before it.
 */
export function splitEntries(format: InputFormat, data: Buffer): Unit[] {
  if (format === 'export') return exportUnits(data);
  if (format === 'json-pretty') return prettyUnits(data);
  const units: { bytes: Buffer[]; entry: boolean }[] = [];
  for (const line of splitLines(data)) {
    const indented = (line[0] === 0x20 || line[0] === 0x09) && format !== 'cat' && format !== 'oslo';
    const prev = units[units.length - 1];
    if (indented && prev !== undefined && prev.entry) prev.bytes.push(line);
    else units.push({ bytes: [line], entry: !isMarker(line) && !(line.length === 1 && line[0] === 10) });
  }
  return units.map((u) => ({ bytes: Buffer.concat(u.bytes), entry: u.entry }));
}

export const joinUnits = (units: readonly Unit[]): Buffer => Buffer.concat(units.map((u) => u.bytes));

/** The entries of `units` whose index (among entries only) is not in `drop`; other units are kept. */
export function dropEntries(units: readonly Unit[], drop: ReadonlySet<number>): Unit[] {
  let k = -1;
  return units.filter((u) => {
    if (!u.entry) return true;
    k += 1;
    return !drop.has(k);
  });
}

export const entryCount = (units: readonly Unit[]): number => units.filter((u) => u.entry).length;
