import type { UnitMatch } from './unit-match.ts';

const GLOB = /[*?[]/;

/** fnmatch-style glob (`*`, `?`, `[…]`) as an anchored regular expression. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

/**
 * `-u NAME` as journalctl reads it: a name without a unit suffix gets `.service`; a glob matches
 * the unit names in the file. Each unit matches `_SYSTEMD_UNIT` (its processes) and `UNIT` (what
 * systemd logs about it).
 */
export function unitMatchFor(units: readonly string[]): UnitMatch {
  const exact: string[] = [];
  const globs: { field: string; pattern: RegExp }[] = [];
  for (const u of units) {
    if (GLOB.test(u)) {
      const pattern = globToRegExp(u);
      globs.push({ field: '_SYSTEMD_UNIT', pattern }, { field: 'UNIT', pattern });
    } else {
      const name = /\.[a-z]+$/.test(u) ? u : `${u}.service`;
      exact.push(`_SYSTEMD_UNIT=${name}`, `UNIT=${name}`);
    }
  }
  return { exact, globs };
}
