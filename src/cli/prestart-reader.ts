import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL } from '../input/journal-file/journal-layout.ts';

/** A journal file's name as journald writes it (active, rotated, dirty), and as a sosreport may compress it. */
const JOURNAL_NAME = /\.journal~?(\.(gz|xz|zst))?$/;

/**
 * True when the directory `path`, or one of its subdirectories (a machine id's), names a journal
 * file: a guess from names only, for prestarting (findJournalFiles decides by signature).
 */
function holdsJournals(path: string, depth = 0): boolean {
  try {
    return readdirSync(path, { withFileTypes: true }).some((e) => (e.isDirectory() ? depth === 0 && holdsJournals(join(path, e.name), 1) : JOURNAL_NAME.test(e.name)));
  } catch {
    return false; // said properly when the input is opened
  }
}

/** True when `path` is a regular file that starts with the journal signature, or a directory holding journal files (never blocks: a FIFO is not opened). */
function isJournalInput(path: string): boolean {
  if (path === '-') return false;
  try {
    const s = statSync(path);
    if (s.isDirectory()) return holdsJournals(path);
    if (!s.isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(8);
      return readSync(fd, head, 0, 8, 0) === 8 && head.toString('latin1') === JOURNAL.SIGNATURE;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // said properly when the input is opened
  }
}

/**
 * Right after the command line is parsed, before the analysis is loaded: when one of `files` is a
 * journal file (plain; a compressed one is found later) or a directory of them, and the reader thread will
 * be used (not --jobs 1, two cores or more: as open-analysis.ts decides), that thread is started
 * now, so its start-up overlaps the loading of the analysis on this thread instead of following it
 * (see worker-pool.ts's prestartWorker: a thread nobody takes is dropped at exit).
 */
export function prestartReader(files: readonly string[], raw: Record<string, unknown>): void {
  if (raw['jobs'] === '1' || !files.some(isJournalInput)) return;
  void (async () => {
    const [{ availableParallelism }, { prestartWorker }] = await Promise.all([import('node:os'), import('../pipeline/jobs/worker-pool.ts')]);
    if (availableParallelism() > 1) prestartWorker('journal-worker');
  })();
}
