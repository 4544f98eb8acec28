import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openInput } from '../../../src/io/open-input.ts';
import type { UnitMatch } from '../../../src/input/journal-file/unit-match.ts';
import type { VolumeRecord } from '../../../src/schema/volume-record.ts';
import { analyseSources, bufferSource, type RunResult } from '../../helpers/analyse-files.ts';

export const JOURNAL_REMOTE = '/lib/systemd/systemd-journal-remote';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Why the real-journal tests cannot run here (CI installs systemd-journal-remote, zstd, xz-utils and lz4), or null. */
export const missingTools: string | null = !existsSync(JOURNAL_REMOTE)
  ? `${JOURNAL_REMOTE} is not installed (Debian package systemd-journal-remote)`
  : !has('journalctl')
    ? 'journalctl is not installed'
    : null;

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'clonewatch-jf-'));

export const sampleExport = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../../../samples', name, 'journal.export'));

/** Writes `exportStream` into a real journal file with systemd-journal-remote (env selects the layout). */
export function writeJournal(exportStream: Buffer, out: string, env: Record<string, string> = {}, args: string[] = []): void {
  execFileSync(JOURNAL_REMOTE, [`--output=${out}`, ...args, '-'], { input: exportStream, env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'ignore'] });
}

/** `journalctl ARGS -o export` (e.g. `--file F` or `-D DIR`). */
export const journalctlExport = (args: string[]): Buffer => execFileSync('journalctl', [...args, '-o', 'export'], { maxBuffer: 1 << 30 });

/** `journalctl --header --file F`'s "Incompatible flags:" line. */
export const incompatibleFlags = (file: string): string =>
  /Incompatible flags:(.*)/.exec(execFileSync('journalctl', ['--header', '--file', file]).toString())?.[1]?.trim() ?? '';

/** clonewatch reading journal files natively (in-process, as `clonewatch --json PATH`). */
export async function analyseJournal(path: string, journalMatch?: UnitMatch | null): Promise<RunResult> {
  const r = await openInput(path, journalMatch === undefined ? {} : { journalMatch });
  if (!('source' in r)) throw new Error(r.error.message);
  return analyseSources([r.source]);
}

/** clonewatch reading `journalctl … -o export` from stdin. */
export const analyseExport = (stream: Buffer): Promise<RunResult> => analyseSources([bufferSource('(stdin)', stream, [65536])]);

/** The volume records without where they came from (input name and entry number differ by construction). */
export const comparable = (vs: readonly VolumeRecord[]): unknown[] => vs.map(({ input: _input, ...rest }) => rest);
