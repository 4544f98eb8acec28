import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { JOURNAL } from '../input/journal-file/journal-layout.ts';

/** True when `path` is a regular file that starts with the journal signature (never blocks: a FIFO is not opened). */
function isJournalFile(path: string): boolean {
  if (path === '-') return false;
  try {
    if (!statSync(path).isFile()) return false;
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
 * journal file (plain; a compressed one or a directory is found later) and the reader thread will
 * be used (not --jobs 1, two cores or more: as open-analysis.ts decides), that thread is started
 * now, so its start-up overlaps the loading of the analysis on this thread instead of following it
 * (see worker-pool.ts's prestartWorker: a thread nobody takes is dropped at exit).
 */
export function prestartReader(files: readonly string[], raw: Record<string, unknown>): void {
  if (raw['jobs'] === '1' || !files.some(isJournalFile)) return;
  void (async () => {
    const [{ availableParallelism }, { prestartWorker }] = await Promise.all([import('node:os'), import('../pipeline/jobs/worker-pool.ts')]);
    if (availableParallelism() > 1) prestartWorker('journal-worker');
  })();
}
