// Check the committed samples: `npx tsx samples/generate/verify.ts` (see README.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRA_MODES } from './lib/render.ts';
import { SCENARIOS } from './scenarios/index.ts';

const samples = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const errors: string[] = [];
const fail = (m: string) => errors.push(m);

type Fields = Map<string, Array<string>>;
/** Parse an export stream into entries (binary-safe). */
function parseExport(buf: Buffer): Fields[] {
  const out: Fields[] = [];
  let cur: Fields = new Map();
  let i = 0;
  while (i < buf.length) {
    const nl = buf.indexOf(10, i);
    if (nl === i) { out.push(cur); cur = new Map(); i++; continue; }
    const line = buf.subarray(i, nl).toString('utf8');
    const eq = line.indexOf('=');
    let name: string, value: string;
    if (eq >= 0) { name = line.slice(0, eq); value = line.slice(eq + 1); i = nl + 1; }
    else { name = line; const len = Number(buf.readBigUInt64LE(nl + 1)); value = buf.subarray(nl + 9, nl + 9 + len).toString('latin1'); i = nl + 9 + len + 1; }
    cur.set(name, [...(cur.get(name) ?? []), value]);
  }
  return out;
}
const key = (f: Fields) => [...f.entries()].filter(([k]) => !['__CURSOR', '__SEQNUM', '__SEQNUM_ID'].includes(k))
  .map(([k, v]) => `${k}=${[...v].sort().join('|')}`).sort().join('\n');

/** Split json-pretty output into objects by brace depth (string-aware). */
function splitPretty(s: string): string[] {
  const objs: string[] = [];
  let depth = 0, start = 0, inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) { if (c === '\\') i++; else if (c === '"') inStr = false; continue; }
    if (c === '"') inStr = true;
    else if (c === '{') { if (depth++ === 0) start = i; }
    else if (c === '}' && --depth === 0) objs.push(s.slice(start, i + 1));
  }
  return objs;
}

for (const s of SCENARIOS) {
  const dir = join(samples, s.name);
  const need = ['truth.json'];
  if (s.journal !== false) need.push('journal.export', 'journal.json', 'journal.short-precise.txt',
    ...(s.modes ?? []).map((m) => `journal.${m.split(' ')[0]}${m.includes(' -a') ? '-a' : ''}.txt`));
  if (s.osloFile) need.push('cinder-volume.log', 'truth.oslo-file.json');
  if (s.name === 'oslo-files') need.push('cinder-volume.log', 'cinder-volume-yoga.log', 'glance-api.log');
  for (const f of need) if (!existsSync(join(dir, f)) || statSync(join(dir, f)).size === 0) fail(`${s.name}: missing/empty ${f}`);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { volumes: Array<{ volumeId: string }> };
  const text = s.journal !== false ? readFileSync(join(dir, 'journal.short-precise.txt'), 'utf8') : readFileSync(join(dir, 'cinder-volume.log'), 'utf8');
  for (const v of truth.volumes) if (!text.includes(`Volume ${v.volumeId}: being created as`)) fail(`${s.name}: no E1 for ${v.volumeId}`);
  if (s.journal === false) continue;
  const objs: Array<Record<string, unknown>> = [];
  for (const line of readFileSync(join(dir, 'journal.json'), 'utf8').split('\n').filter(Boolean)) objs.push(JSON.parse(line));
  if (existsSync(join(dir, 'journal.json-seq.txt'))) for (const r of readFileSync(join(dir, 'journal.json-seq.txt'), 'utf8').split('\x1e').filter(Boolean)) JSON.parse(r);
  if (existsSync(join(dir, 'journal.json-pretty.txt'))) {
    const n = splitPretty(readFileSync(join(dir, 'journal.json-pretty.txt'), 'utf8')).map((o) => JSON.parse(o)).length;
    if (n !== objs.length) fail(`${s.name}: json-pretty has ${n} objects, json ${objs.length}`);
  }
  let arrays = 0;
  for (const o of objs) {
    if (o.SYSLOG_IDENTIFIER !== 'cinder-volume') continue;
    const m = o.MESSAGE;
    if (Array.isArray(m)) { arrays++; continue; }
    // Only the bare continuation lines of a multi-line record (no ESC) may be plain strings.
    if (typeof m === 'string' && (/^(DEBUG|INFO|WARNING|ERROR) \S+ /.test(m) || s.name === 'coloured-json')) fail(`${s.name}: cinder MESSAGE is a string: ${m.slice(0, 80)}`);
  }
  if (arrays === 0) fail(`${s.name}: no byte-array MESSAGE`);
  // Round trip: export → journal file → journalctl -o export, same entries and fields.
  const tmp = mkdtempSync(join(tmpdir(), 'clonewatch-verify-'));
  try {
    const jf = join(tmp, 'x.journal');
    execFileSync('/usr/lib/systemd/systemd-journal-remote', ['--split-mode=none', '-o', jf, join(dir, 'journal.export')], { stdio: 'ignore' });
    const back = execFileSync('journalctl', ['--file', jf, '--no-pager', '-m', '-o', 'export'], { maxBuffer: 1 << 28, env: { ...process.env, TZ: 'UTC' } });
    const a = parseExport(readFileSync(join(dir, 'journal.export'))).map(key).sort();
    const b = parseExport(back).map(key).sort();
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) fail(`${s.name}: export round trip differs (${a.length} vs ${b.length} entries)`);
    if (a.length !== objs.length) fail(`${s.name}: json has ${objs.length} entries, export ${a.length}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  void EXTRA_MODES;
}
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log(`ok: ${SCENARIOS.length} scenarios verified`);
