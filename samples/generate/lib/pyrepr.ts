// Render values the way Python's repr() prints them (str/int/float/None/bool/tuple/list/dict).
export type Py =
  | string
  | number
  | boolean
  | null
  | { tuple: Py[] }
  | Py[]
  | { dict: Array<[string, Py]> }
  | { raw: string }
  | { u: string }; // py2 unicode string: u'...'

export const raw = (s: string): Py => ({ raw: s });
export const tuple = (...items: Py[]): Py => ({ tuple: items });
export const dict = (entries: Array<[string, Py]>): Py => ({ dict: entries });
export const pyDatetime = (iso: string, tz = true): Py => {
  // iso: 2026-02-10T09:14:02 (optionally .ffffff)
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{6}))?$/.exec(iso);
  if (!m) throw new Error(`bad datetime ${iso}`);
  const parts = m.slice(1, 7).map((x) => String(Number(x)));
  if (m[7]) parts.push(String(Number(m[7])));
  return raw(`datetime.datetime(${parts.join(', ')}${tz ? ', tzinfo=datetime.timezone.utc' : ''})`);
};

export function pyStr(s: string, prefix = ''): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${prefix}${q}${out}${q}`;
}

export function repr(v: Py, py2 = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return pyStr(v);
  if (Array.isArray(v)) return `[${v.map((x) => repr(x, py2)).join(', ')}]`;
  if ('raw' in v) return v.raw;
  if ('u' in v) return pyStr(v.u, py2 ? 'u' : '');
  if ('tuple' in v) return v.tuple.length === 1 ? `(${repr(v.tuple[0] ?? null, py2)},)` : `(${v.tuple.map((x) => repr(x, py2)).join(', ')})`;
  // a key written 'u:name' is a py2 unicode key (u'name' under py2, 'name' under py3)
  const key = (k: string) => (k.startsWith('u:') ? pyStr(k.slice(2), py2 ? 'u' : '') : pyStr(k));
  return `{${v.dict.map(([k, x]) => `${key(k)}: ${repr(x, py2)}`).join(', ')}}`;
}
