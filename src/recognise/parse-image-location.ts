/** What cinder's `image_location` tuple `(direct_url, locations)` says about where the image lives. */
export interface ImageLocation {
  /** false for `(None, None)` and `(None, [])`: Glance exposed no location. */
  readonly exposed: boolean;
  readonly directUrl: string | null;
  /** Every URL in the tuple, in order, without duplicates. */
  readonly urls: readonly string[];
  /** Store names from the locations' metadata (`'store': 'name'`). */
  readonly stores: readonly string[];
  /** URL schemes present: `cinder`, `rbd`, `file`, `swift`, `http` … */
  readonly schemes: readonly string[];
  /** Each URL with the store its location's metadata names (`{'url': …, 'metadata': {'store': …}}`), null when none does. */
  readonly places: readonly { readonly url: string; readonly store: string | null }[];
}

const URL_RE = /u?'([a-z][a-z0-9+.-]*:\/\/[^']*)'/g;
const STORE_RE = /'store': u?'([^']+)'/g;

/** Parses the Python repr of the location tuple, e.g. `(None, None)` or `('cinder://…', [{'url': …}])`. */
export function parseImageLocation(text: string): ImageLocation {
  const urls = unique([...text.matchAll(URL_RE)].map((m) => m[1] ?? ''));
  const stores = unique([...text.matchAll(STORE_RE)].map((m) => m[1] ?? ''));
  const direct = /^\(\s*u?'([^']*)'/.exec(text);
  const schemes = unique(urls.map((u) => u.slice(0, u.indexOf(':'))));
  const named = new Map<string, string>();
  for (const dict of locationDicts(text)) {
    const url = /'url': u?'([^']*)'/.exec(dict)?.[1];
    const store = /'store': u?'([^']+)'/.exec(dict)?.[1];
    if (url !== undefined && store !== undefined && !named.has(url)) named.set(url, store);
  }
  const places = urls.map((url) => ({ url, store: named.get(url) ?? null }));
  return { exposed: urls.length > 0, directUrl: direct?.[1] ?? null, urls, stores, schemes, places };
}

/** The `{…}` dicts of the locations list (`(direct, [{…}, {…}])`), whatever their key order. */
function locationDicts(text: string): string[] {
  const list = balancedGroup(text, 1, '[')?.text;
  if (list === undefined) return [];
  const out: string[] = [];
  let at = 1;
  for (let dict = balancedGroup(list, at, '{'); dict !== null; dict = balancedGroup(list, at, '{')) {
    out.push(dict.text);
    at = dict.end;
  }
  return out;
}

/** Cuts the balanced `( … )` that starts at `from` (or the first `(` after it) out of `text`. */
export function balancedParens(text: string, from: number): string | null {
  return balancedGroup(text, from, '(')?.text ?? null;
}

/** The balanced group opened by the first `open` at or after `from` (quotes respected), and where it ends. */
function balancedGroup(text: string, from: number, open: '(' | '[' | '{'): { text: string; end: number } | null {
  const start = text.indexOf(open, from);
  if (start < 0) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return { text: text.slice(start, i + 1), end: i + 1 };
    }
  }
  return null;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
