import fc from 'fast-check';
import { splitLines } from '../fuzz/support/entries.ts';

/**
 * Changes to one `-o json` line that keep it JSON (or nearly) but leave the shape journalctl
 * writes: what the json fast path (createJsonLineScanner) must either read exactly as JSON.parse
 * does or leave to it.
 */
export type JsonMutation = { readonly kind: (typeof KINDS)[number]; readonly line: number; readonly at: number };

const KINDS = [
  'escape-quote', // a `\"` in the MESSAGE string
  'unicode-escape', // a character of a string value written as \uXXXX
  'escape-key', // a key spelt with a \u escape (`"MESS\u0041GE"`)
  'to-bytes', // a string MESSAGE written as a byte array, as journalctl does for unprintable text
  'to-string', // a byte-array MESSAGE written as a string
  'bad-byte', // a byte array with a value JSON accepts but a byte is not (256, -1, 1.5)
  'nested', // a field's value an object
  'duplicate', // a field repeated with another value (JSON.parse keeps the last)
  'number', // a number where a string is expected (_PID, a timestamp, MESSAGE)
  'null', // null for a field
  'spaces', // whitespace between tokens
  'repeated', // a field as an array of strings (journalctl's repeated field)
] as const;

export const jsonMutationArb: fc.Arbitrary<JsonMutation> = fc.record({ kind: fc.constantFrom(...KINDS), line: fc.nat(), at: fc.nat() });

const FIELDS = ['MESSAGE', '_HOSTNAME', '_PID', 'SYSLOG_IDENTIFIER', '__REALTIME_TIMESTAMP', '_COMM', '_SYSTEMD_UNIT', '_BOOT_ID', '__CURSOR'];

type Field = [key: string, value: string];

/** A line's fields as JSON texts, in order; null when the line is not a JSON object. */
function fieldsOf(line: string): Field[] | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  return Object.entries(v).map(([k, x]) => [JSON.stringify(k), JSON.stringify(x)]);
}

const pick = <T>(list: readonly T[], at: number): T | undefined => list[at % Math.max(1, list.length)];

function change(fields: Field[], m: JsonMutation): string {
  const key = (name: string) => JSON.stringify(name);
  const index = (name: string) => fields.findIndex(([k]) => k === key(name));
  const named = pick(FIELDS, m.at) as string;
  const i = index(named) >= 0 ? index(named) : m.at % fields.length;
  const field = fields[i] as Field;
  let sep = ':';
  switch (m.kind) {
    case 'escape-quote': {
      const at = index('MESSAGE');
      const msg = fields[at];
      if (msg !== undefined && msg[1].startsWith('"')) msg[1] = `"\\"${msg[1].slice(1, -1)}\\""`;
      break;
    }
    case 'unicode-escape': {
      const text = field[1];
      if (text.length > 2 && text.startsWith('"')) {
        const at = 1 + (m.at % (text.length - 2));
        if (text[at] !== '\\' && text[at - 1] !== '\\') {
          field[1] = `${text.slice(0, at)}\\u${(text.charCodeAt(at) & 0xffff).toString(16).padStart(4, '0')}${text.slice(at + 1)}`;
        }
      }
      break;
    }
    case 'escape-key':
      field[0] = `"${field[0].slice(1, 2)}\\u${field[0].charCodeAt(2).toString(16).padStart(4, '0')}${field[0].slice(3)}`;
      break;
    case 'to-bytes': {
      const msg = fields[index('MESSAGE')];
      if (msg !== undefined && msg[1].startsWith('"')) msg[1] = JSON.stringify([...Buffer.from(JSON.parse(msg[1]) as string)]);
      break;
    }
    case 'to-string': {
      const msg = fields[index('MESSAGE')];
      if (msg !== undefined && msg[1].startsWith('[')) msg[1] = JSON.stringify(Buffer.from(JSON.parse(msg[1]) as number[]).toString('utf8'));
      break;
    }
    case 'bad-byte': {
      const msg = fields[index('MESSAGE')];
      if (msg !== undefined && msg[1].startsWith('[')) msg[1] = `[${pick(['256', '-1', '1.5', '1e1', '00'], m.at) as string},${msg[1].slice(1)}`;
      break;
    }
    case 'nested':
      field[1] = `{${field[0]}:${field[1]}}`;
      break;
    case 'duplicate': {
      const other = pick(['"dup"', '[100,117,112]', '"cvol-other"', '"4242"'], m.at) as string;
      if (m.at % 2 === 0) fields.push([field[0], other]);
      else fields.splice(0, 0, [field[0], other]);
      break;
    }
    case 'number':
      field[1] = pick(['42', '1774267200000000', '-1', '0.5'], m.at) as string;
      break;
    case 'null':
      field[1] = 'null';
      break;
    case 'spaces':
      sep = pick([': ', ' :', ':\t'], m.at) as string;
      break;
    case 'repeated':
      field[1] = `[${field[1]},${field[1]}]`;
      break;
  }
  return `{${fields.map(([k, v]) => `${k}${sep}${v}`).join(',')}}`;
}

/** Applies the mutations to the lines of `data` that are JSON objects (each line keeps its `\n`). */
export function mutateJson(data: Buffer, mutations: readonly JsonMutation[]): Buffer {
  const lines = splitLines(data);
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.line % lines.length;
    const text = (lines[i] as Buffer).toString('utf8');
    const nl = text.endsWith('\n') ? '\n' : '';
    const fields = fieldsOf(nl === '' ? text : text.slice(0, -1));
    if (fields === null || fields.length === 0) continue;
    lines[i] = Buffer.from(change(fields, m) + nl);
  }
  return Buffer.concat(lines);
}
