// Write journal.export, build a journal file with systemd-journal-remote and render it with
// the real journalctl; write oslo.log file forms. Any stderr from journalctl is an error.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { osloFileText, type FileStyle } from './format.ts';
import { exportStream, type World } from './journal.ts';

export const BASE_MODES = ['json', 'short-precise'];
export const EXTRA_MODES = ['short', 'short-iso', 'short-iso-precise', 'short-full', 'with-unit', 'json-seq', 'cat'];

/**
 * systemd-journal-remote picks a random file/seqnum id and journalctl seeds its hashmaps (JSON
 * key order) from getrandom(); LD_PRELOAD of lib/detrand.c makes both repeatable so that
 * regeneration is byte-identical. Without a C compiler the JSON modes still render correctly,
 * only key order and __CURSOR differ from the committed files.
 */
let preload: string | null | undefined;
function detrand(): string | null {
  if (preload !== undefined) return preload;
  const dir = mkdtempSync(join(tmpdir(), 'clonewatch-detrand-'));
  const so = join(dir, 'detrand.so');
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const src = join(dirname(fileURLToPath(import.meta.url)), 'detrand.c');
  try {
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', so, src], { stdio: 'ignore' });
    preload = existsSync(so) ? so : null;
  } catch {
    console.warn('warning: no C compiler; JSON key order and cursors will not be byte-identical');
    preload = null;
  }
  return preload;
}
const env = (): NodeJS.ProcessEnv => {
  const so = detrand();
  return { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8', SYSTEMD_COLORS: '0', ...(so ? { LD_PRELOAD: so } : {}) };
};

export function renderJournal(w: World, dir: string, modes: string[], merge: boolean): void {
  const stream = exportStream(w.sorted());
  writeFileSync(join(dir, 'journal.export'), stream);
  const tmp = mkdtempSync(join(tmpdir(), 'clonewatch-samples-'));
  try {
    const jf = join(tmp, 'x.journal');
    execFileSync('/usr/lib/systemd/systemd-journal-remote', ['--split-mode=none', '-o', jf, join(dir, 'journal.export')], { stdio: ['ignore', 'ignore', 'pipe'], env: env() });
    for (const spec of modes) {
      const [mode, ...flags] = spec.split(' ');
      const args = ['--file', jf, '--no-pager', ...(merge ? ['-m'] : []), ...flags, '-o', mode ?? 'short'];
      const r = spawnSync('journalctl', args, { env: env(), maxBuffer: 1 << 28 });
      const err = r.stderr.toString();
      if (r.status !== 0 || err) throw new Error(`journalctl ${args.join(' ')}: status ${r.status} ${err}`);
      const name = `journal.${mode}${flags.includes('-a') ? '-a' : ''}${mode === 'json' ? '' : '.txt'}`;
      writeFileSync(join(dir, name), r.stdout);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** oslo.log file form of the records of the given services (by identifier), sorted by time. */
export function osloFile(w: World, idents: string[], style: FileStyle, hostFilter?: string, pathMap?: (p: string) => string): string {
  return w.recs
    .filter((r) => idents.includes(r.svc.ident) && (!hostFilter || r.svc.host.name === hostFilter))
    .sort((a, b) => a.rec.t - b.rec.t)
    .map((r) => `${osloFileText(r.rec, style, pathMap)}\n`)
    .join('');
}
