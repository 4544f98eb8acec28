import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every bundled log under samples/ (journal renderings and oslo.log files), as repo-relative paths. */
export function sampleFiles(root = 'samples'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'generate') walk(p);
      } else if (/^journal\.|\.log$/.test(name)) out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Scenario directories that carry a truth.json. */
export function scenarios(root = 'samples'): string[] {
  return readdirSync(root)
    .filter((d) => d !== 'generate' && statSync(join(root, d)).isDirectory())
    .filter((d) => readdirSync(join(root, d)).includes('truth.json'))
    .sort();
}
