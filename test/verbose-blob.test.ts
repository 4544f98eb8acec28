import test from 'ava';
import { runCli } from './report/run-cli.ts';

// `journalctl -o verbose` without --all prints a coloured (devstack) MESSAGE as `[169B blob data]`:
// samples/verbose-blob is samples/coloured-json's export rendered by journalctl that way (through
// systemd-journal-remote). The user must learn why no volume is found, and how to fix it.

const file = 'samples/verbose-blob/journal.verbose.txt';

test('blob messages are reported once, with the fix, and counted so that the line counts add up', async (t) => {
  const r = await runCli(['--year', '2026', '--json', file]);
  const warnings = r.stderr.split('\n').filter((l) => l.includes('blob data'));
  t.is(warnings.length, 1, r.stderr);
  t.regex(warnings[0] ?? '', /^clonewatch: warning: Rerun journalctl with --all \(-a\), or better with -o json or -o export: 140 messages were printed as "\[NB blob data\]"/);
  const summary = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { lines: Record<string, number>; diagnostics: { warnings: number } };
  const l = summary.lines;
  t.is(l['blob'], 140);
  t.is(l['read'], (l['recognised'] ?? 0) + (l['unrecognised'] ?? 0) + (l['prefiltered'] ?? 0) + (l['continuation'] ?? 0) + (l['markers'] ?? 0) + (l['blank'] ?? 0) + (l['malformed'] ?? 0) + (l['blob'] ?? 0));
  t.is(summary.diagnostics.warnings, 1);
  // The human summary says it too.
  const human = await runCli(['--year', '2026', file], { NO_COLOR: '1' });
  t.regex(human.stdout, /lines +179 read: .*, 140 blob data\n/);
});

test('without blob messages the summary has no blob count (the JSON summary is unchanged)', async (t) => {
  const r = await runCli(['--year', '2026', '--json', 'samples/coloured-json/journal.json']);
  t.false('blob' in (JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { lines: object }).lines);
  t.notRegex(r.stderr, /blob data/);
});
