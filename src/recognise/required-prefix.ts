/** Regex syntax characters: a literal run ends at the first of these (unescaped). */
const SPECIAL = new Set('\\.*+?^${}()|[]/');
const QUANTIFIER = new Set('*+?{');
/** Escapes that stand for the character itself (the others, `\d` `\S` `\b` …, end the run). */
const ESCAPED_LITERAL = new Set('\\/.*+?^${}()|[]-');

/**
 * The literals one of which every match of `pattern` starts with, or [] when that is not known:
 * - `^literal…`: the run of plain characters after `^` (/^Creating volume (?<id>\S+)/ → `Creating volume `);
 * - `^(?:A…|B…)…` or `^(?<name>A…|B…)…` (a group not quantified): each alternative's run, or the
 *   starts of a group it begins with, when every alternative has some.
 * [] when the pattern has no `^`, starts with a class or escape class, has a top-level `|`, or
 * flags make it unsafe (`i`: case; `m`: `^` after any newline). A character followed by a
 * quantifier (`?`, `*`, `{0,1}` …) is not part of a run.
 */
export function requiredPrefixes(pattern: RegExp): readonly string[] {
  if (/[im]/.test(pattern.flags)) return [];
  const src = pattern.source;
  // A source without any `|` has no top-level one (most rows': no scan needed).
  if (src[0] !== '^' || (src.includes('|') && splitTopLevel(src).length > 1)) return [];
  return startsOf(src, 1);
}

/** The literals a match of `src` from `at` starts with: its literal run, or a leading group's alternatives' (recursively). */
function startsOf(src: string, at: number): readonly string[] {
  const run = literalRun(src, at);
  if (run !== '') return [run];
  const open = /^\((?:\?:|\?<[A-Za-z_]\w*>)/.exec(src.slice(at));
  if (open === null) return [];
  const close = closingParen(src, at);
  if (close < 0 || QUANTIFIER.has(src[close + 1] ?? '')) return [];
  const starts: string[] = [];
  for (const alt of splitTopLevel(src.slice(at + open[0].length, close))) {
    const some = startsOf(alt, 0);
    if (some.length === 0) return [];
    starts.push(...some);
  }
  return starts;
}

/** The plain characters of `src` from `i` (escapes resolved), up to a special character or a quantified one. */
function literalRun(src: string, i: number): string {
  let run = '';
  while (i < src.length) {
    let ch = src[i] as string;
    let width = 1;
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === undefined || !ESCAPED_LITERAL.has(next)) break;
      ch = next;
      width = 2;
    } else if (SPECIAL.has(ch)) break;
    if (QUANTIFIER.has(src[i + width] ?? '')) break;
    run += ch;
    i += width;
  }
  return run;
}

/** Visits `src` outside escapes and classes, with the group depth before each character. */
function scan(src: string, from: number, visit: (ch: string, i: number, depth: number) => boolean): void {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const ch = src[i] as string;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      inClass = ch !== ']';
      continue;
    }
    if (ch === '[') inClass = true;
    else if (visit(ch, i, depth)) return;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
  }
}

/** `src` split at its `|`s outside every group and class. */
function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let start = 0;
  scan(src, 0, (ch, i, depth) => {
    if (ch === '|' && depth === 0) {
      parts.push(src.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  parts.push(src.slice(start));
  return parts;
}

/** Index of the `)` closing the group whose `(` is at `open`, or -1. */
function closingParen(src: string, open: number): number {
  let found = -1;
  scan(src, open, (ch, i, depth) => {
    if (ch === ')' && depth === 1) {
      found = i;
      return true;
    }
    return false;
  });
  return found;
}
