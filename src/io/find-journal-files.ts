import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Compression } from './compression-of.ts';
import { sniffJournal } from './sniff-journal.ts';

/** Files looked at in one directory tree at most (a wrong directory must not make clonewatch read a disk). */
const MAX_FILES = 10_000;

/**
 * The journal files in `dir` and in its subdirectories one level down (`/var/log/journal` holds one
 * per machine id), recognised by signature, sorted by path. Unreadable entries are skipped.
 */
export async function findJournalFiles(dir: string): Promise<{ path: string; compression: Compression | null }[]> {
  const found: { path: string; compression: Compression | null }[] = [];
  let looked = 0;
  const scan = async (d: string, depth: number): Promise<void> => {
    let names: import('node:fs').Dirent[];
    try {
      names = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of names) {
      if (looked >= MAX_FILES) return;
      const p = join(d, e.name);
      if (e.isDirectory() && depth === 0) await scan(p, 1);
      else if (e.isFile()) {
        looked += 1;
        const s = await sniffJournal(p).catch(() => null);
        if (s !== null) found.push({ path: p, compression: s.compression });
      }
    }
  };
  await scan(dir, 0);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
