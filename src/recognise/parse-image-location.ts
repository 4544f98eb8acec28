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
}

const URL_RE = /u?'([a-z][a-z0-9+.-]*:\/\/[^']*)'/g;
const STORE_RE = /'store': u?'([^']+)'/g;

/** Parses the Python repr of the location tuple, e.g. `(None, None)` or `('cinder://…', [{'url': …}])`. */
export function parseImageLocation(text: string): ImageLocation {
  const urls = unique([...text.matchAll(URL_RE)].map((m) => m[1] ?? ''));
  const stores = unique([...text.matchAll(STORE_RE)].map((m) => m[1] ?? ''));
  const direct = /^\(\s*u?'([^']*)'/.exec(text);
  const schemes = unique(urls.map((u) => u.slice(0, u.indexOf(':'))));
  return { exposed: urls.length > 0, directUrl: direct?.[1] ?? null, urls, stores, schemes };
}

/** Cuts the balanced `( … )` that starts at `from` (or the first `(` after it) out of `text`. */
export function balancedParens(text: string, from: number): string | null {
  const open = text.indexOf('(', from);
  if (open < 0) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
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
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  return null;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
