import test from 'ava';
import { readFileSync } from 'node:fs';
import { runCli } from '../report/run-cli.ts';
import { parseExposition, sampleValue } from '../metrics/parse-exposition.ts';
import { startFollow } from '../metrics/start-follow.ts';
import { shiftToNow } from '../helpers/shift-to-now.ts';

// What an operator reads about image_conversion_dir after a burst: per host the peak bytes, when,
// which volumes held them; a no-space failure tied to that peak with sizing advice.

interface HostRecord {
  host: string | null;
  backends: string[];
  peakBytes: number;
  at: string;
  volumes: { volumeId: string | null; bytes: number; files: string[] }[];
  noSpace: { volumeId: string | null; at: string; during: string; requestedBytes: number | null }[];
  heldToInputEnd: number;
  points?: { t: string; bytes: number }[];
}
interface Report {
  conversionDir: HostRecord[];
  advice: { code: string; message: string; volumes: number }[];
}

const MiB = 1_048_576;
const SPACE = 'samples/conversion-space';

async function report(files: string[]): Promise<Report> {
  const r = await runCli(['report', '--json', '--tz', 'UTC', '--year', '2026', ...files]);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Report;
}

/** Sizes as cinder logged them in a sample (MB there is MiB), read from the log text itself. */
function logged(file: string, re: RegExp): number[] {
  return [...readFileSync(file, 'utf8').matchAll(re)].map((m) => Math.round(Number(m[1]) * MiB));
}

test('burst: each host carries its peak (bytes, time, volumes), cvol-b holding as many downloads as temporary images sat there at once', async (t) => {
  const r = await report(['samples/burst/journal.json']);
  const summary = await runCli(['--json', '--tz', 'UTC', 'samples/burst/journal.json']);
  const s = JSON.parse(summary.stdout.trim().split('\n').at(-1) ?? '{}') as { temporaryImages: { peakConcurrent: number; peakAt: string; peakHost: string }; conversionDir: HostRecord[] };
  const image = logged('samples/burst/journal.short-precise.txt', /Image fetch details: dest \S+, size ([\d.]+) MB/g);
  t.true(image.length > 0 && image.every((b) => b === image[0]), 'one image, one size');
  t.deepEqual(r.conversionDir.map((h) => [h.host, h.backends]), [['cvol-a', ['lvmdriver-1']], ['cvol-b', ['lvmdriver-2']]]);
  const b = r.conversionDir.find((h) => h.host === 'cvol-b') as HostRecord;
  t.is(s.temporaryImages.peakHost, 'cvol-b');
  t.is(b.peakBytes, s.temporaryImages.peakConcurrent * (image[0] ?? 0));
  t.is(b.at, s.temporaryImages.peakAt);
  t.is(b.volumes.length, s.temporaryImages.peakConcurrent);
  t.true(b.volumes.every((v) => v.files.join() === 'download' && v.volumeId !== null));
  t.is(Math.max(...(b.points ?? []).map((p) => p.bytes)), b.peakBytes, 'the curve reaches the peak');
  // The summary's JSON says the same, without the curve.
  t.deepEqual(s.conversionDir.map((h) => ({ ...h, points: undefined })), r.conversionDir.map((h) => ({ ...h, points: undefined })));

  const human = await runCli(['report', '--tz', 'UTC', 'samples/burst/journal.json']);
  t.regex(human.stdout, /Conversion directory\n {2}cvol-a \(lvmdriver-1\): peak 598\.75 MiB at 2026-03-24 \d\d:\d\d:\d\d, 1 volume at once/);
  t.regex(human.stdout, /\n {2}cvol-b \(lvmdriver-2\): peak 4\.68 GiB at 2026-03-24 09:15:10, 8 volumes at once\n( {4}[0-9a-f-]{36} +598\.75 MiB {2}download\n){8}/);
  const text = await runCli(['--tz', 'UTC', 'samples/burst/journal.json']);
  t.regex(text.stdout, /\n {2}conv dir {5}cvol-b \(lvmdriver-2\): peak 4\.68 GiB at 2026-03-24 09:15:10, 8 volumes at once\n/);
  t.notRegex(text.stdout, /conversion-dir-too-small|image_conversion_dir at/, 'no failure for lack of space: no sizing advice');
});

test('conversion-space: an RBD copy holds the download and the converted file (space twice); the failed create is tied to the peak with sizing advice', async (t) => {
  const r = await report([`${SPACE}/journal.json`]);
  const [h] = r.conversionDir;
  t.is(r.conversionDir.length, 1);
  const download = logged(`${SPACE}/journal.short-precise.txt`, /Image fetch details: dest \S+, size ([\d.]+) MB/g);
  const converted = logged(`${SPACE}/journal.short-precise.txt`, /Image conversion details: src \S+, size ([\d.]+) MB, duration [\d.]+ sec, destination \/opt\/stack\/data\/cinder\/conversion\/tmp/g);
  t.is(download.length, 2);
  t.is(converted.length, 2, 'RBD converts into a temporary file in the conversion directory');
  const requested = Number(/'size': (\d+)/.exec(readFileSync(`${SPACE}/journal.short-precise.txt`, 'utf8'))?.[1]);
  t.like(h, { host: 'cvol-c', backends: ['ceph'], peakBytes: (download[0] ?? 0) + (converted[0] ?? 0) + (download[1] ?? 0) + (converted[1] ?? 0) + requested });
  t.deepEqual(h?.volumes.map((v) => [v.bytes, v.files]), [
    [(download[0] ?? 0) + (converted[0] ?? 0), ['converted', 'download']],
    [(download[1] ?? 0) + (converted[1] ?? 0), ['converted', 'download']],
    [requested, ['requested']],
  ]);
  t.is(h?.noSpace.length, 1);
  t.like(h?.noSpace[0], { during: 'download', requestedBytes: requested, at: h?.at });
  const failed = await runCli(['--json', '--tz', 'UTC', `${SPACE}/journal.json`]);
  const failedVolume = failed.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; status?: string; volumeId?: string }).find((v) => v.status === 'failed');
  t.is(h?.noSpace[0]?.volumeId, failedVolume?.volumeId);

  const advice = r.advice.find((a) => a.code === 'conversion-dir-too-small');
  t.is(advice?.message, 'cvol-c needed 6.15 GiB in image_conversion_dir at 2026-03-25 11:03:04 (3 volumes at once) and 1 create failed for lack of space there: size that filesystem for the burst, or set image_conversion_dir to a larger filesystem');
  t.is(advice?.volumes, 1);
  const text = await runCli(['--tz', 'UTC', `${SPACE}/journal.json`]);
  t.regex(text.stdout, /\n {2}advice {7}cvol-c needed 6\.15 GiB in image_conversion_dir at 2026-03-25 11:03:04 \(3 volumes at once\)/);
  t.regex(text.stdout, /\n {2}conv dir {5}cvol-c \(ceph\): peak 6\.15 GiB at 2026-03-25 11:03:04, 3 volumes at once; 1 failed for lack of space there\n/);
});

test('conversion-space: the same answer from every input format (the oslo.log file has no host)', async (t) => {
  const answer = (h: HostRecord | undefined) => h && { peakBytes: h.peakBytes, at: h.at, volumes: h.volumes, noSpace: h.noSpace.map((n) => [n.volumeId, n.at, n.during, n.requestedBytes]), backends: h.backends };
  const json = await report([`${SPACE}/journal.json`]);
  t.truthy(answer(json.conversionDir[0]));
  for (const f of ['journal.export', 'journal.short-precise.txt', 'cinder-volume.log']) {
    const r = await report([`${SPACE}/${f}`]);
    t.is(r.conversionDir.length, 1, f);
    t.is(r.conversionDir[0]?.host, f === 'cinder-volume.log' ? null : 'cvol-c', f);
    t.deepEqual(answer(r.conversionDir[0]), answer(json.conversionDir[0]), f);
  }
});

test('a full LVM thin pool (qemu-img: No space left on device on /dev/mapper/…) is not the conversion directory: no sizing advice', async (t) => {
  const r = await report(['samples/failure/journal.json']);
  t.is(r.conversionDir[0]?.noSpace.length, 0);
  t.false(r.advice.some((a) => a.code === 'conversion-dir-too-small'));
});

test('a create whose end is not in the input keeps its download until the input ends, and says so', async (t) => {
  const r = await report(['samples/incomplete/journal.json']);
  const h = r.conversionDir[0];
  t.is(h?.heldToInputEnd, 1);
  const text = await runCli(['--tz', 'UTC', 'samples/incomplete/journal.json']);
  t.regex(text.stdout, /conv dir .*; 1 file held until the input ends \(create not finished\)\n/);
});

test('follow --metrics-port: the peak per host and the no-space failures are scraped', async (t) => {
  const follow = startFollow(['--tz', 'UTC']);
  const url = await follow.url;
  follow.write(shiftToNow(readFileSync(`${SPACE}/journal.json`, 'utf8'), 'json')); // logged now: wall time counts only for current input
  const deadline = Date.now() + 60_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await (await fetch(url)).text();
    if (/clonewatch_conversion_dir_no_space_failures_total\{cinder_host="cvol-c"\} 1/.test(text) && follow.records().filter((r) => r.kind === 'volume').length === 3) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const e = parseExposition(text);
  const r = await report([`${SPACE}/journal.json`]);
  t.is(sampleValue(e, 'clonewatch_conversion_dir_peak_bytes', { cinder_host: 'cvol-c' }), r.conversionDir[0]?.peakBytes ?? -1);
  t.is(sampleValue(e, 'clonewatch_conversion_dir_no_space_failures_total', { cinder_host: 'cvol-c' }), 1);
  t.is(e.type.get('clonewatch_conversion_dir_peak_bytes'), 'gauge');
  t.is(await follow.end(), 0);
});

test('follow --metrics-port: the bytes the running creates hold now, per host, gone once they end', async (t) => {
  const lines = readFileSync(`${SPACE}/journal.json`, 'utf8').split('\n').filter(Boolean);
  // Cut just before the failing download's ERROR (cinder's coloured lines are byte arrays in JSON: cut by time).
  const failedAt = Date.parse((await report([`${SPACE}/journal.json`])).conversionDir[0]?.noSpace[0]?.at ?? '') * 1000;
  const cut = lines.findIndex((l) => Number((JSON.parse(l) as { __REALTIME_TIMESTAMP: string }).__REALTIME_TIMESTAMP) >= failedAt);
  t.true(cut > 0 && cut < lines.length);
  const download = logged(`${SPACE}/journal.short-precise.txt`, /Image fetch details: dest \S+, size ([\d.]+) MB/g);
  const converted = logged(`${SPACE}/journal.short-precise.txt`, /Image conversion details: src \S+, size ([\d.]+) MB, duration [\d.]+ sec, destination \/opt\/stack\/data\/cinder\/conversion\/tmp/g);
  const follow = startFollow(['--tz', 'UTC']);
  const url = await follow.url;
  const scrapeUntil = async (ok: (text: string) => boolean) => {
    const deadline = Date.now() + 60_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await (await fetch(url)).text();
      if (ok(text)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return parseExposition(text);
  };
  // Written as logged now (times shifted): wall time counts only for current input.
  const now = shiftToNow(lines.join('\n'), 'json').split('\n');
  // Up to the failing download: both RBD copies hold their download and their converted file.
  follow.write(`${now.slice(0, cut).join('\n')}\n`);
  const expected = download.reduce((a, b) => a + b, 0) + converted.reduce((a, b) => a + b, 0);
  // The lines are read as they arrive: wait until clonewatch has read them all (up to a minute).
  const during = await scrapeUntil((text) => new RegExp(`clonewatch_conversion_dir_bytes\\{cinder_host="cvol-c"\\} ${expected}\\n`).test(text));
  t.is(sampleValue(during, 'clonewatch_conversion_dir_bytes', { cinder_host: 'cvol-c' }), expected);
  t.is(follow.records().filter((r) => r.kind === 'volume').length, 0, 'no create has ended yet');
  // The rest: every create ends, nothing is held.
  follow.write(`${now.slice(cut).join('\n')}\n`);
  const after = await scrapeUntil((text) => !/clonewatch_conversion_dir_bytes\{/.test(text) && follow.records().filter((r) => r.kind === 'volume').length === 3);
  t.false(after.samples.some((x) => x.name === 'clonewatch_conversion_dir_bytes'));
  t.is(after.type.get('clonewatch_conversion_dir_bytes'), 'gauge');
  t.is(await follow.end(), 0);
});
