import test from 'ava';
import { reorderedHostsAgree } from './properties.ts';
import { runBuffer } from './support/run.ts';

// Regressions for what the fuzz suite found, and the one limit it found that is not fixed.

test('binary input that matches no format is read as plain lines: every line counted, with a warning', async (t) => {
  const junk = Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 10, 0, 0, 10, 0x80, 0x81, 0x1b, 10, 7, 7, 7, 10]);
  const r = await runBuffer('junk.bin', junk);
  t.is(r.summary.inputs[0]?.format, 'cat');
  t.is(r.summary.lines.read, junk.toString('latin1').split('\n').length - 1);
  t.true(r.diagnostics.some((d) => d.code === 'unknown-format' && /read as plain text/.test(d.message)));
});

test('a short-unix line whose seconds ran into the line before is not a time (it gave year 58115)', async (t) => {
  const good = '1774170140.725077 cvol-b cinder-volume[1]: INFO cinder.volume.manager [-] ok\n';
  const r = await runBuffer('unix.txt', Buffer.from(`${good}1771774170167.830063 cvol-b cinder-volume[1]: INFO x [-] y\n`), { format: 'short-unix' });
  t.is(r.summary.lines.read, 2);
  t.is(r.summary.lines.malformed + r.summary.lines.continuation, 1);
  t.false(JSON.stringify(r).includes('58115'));
});

// The reducer closes a flow 2 s of log time after its success line. Log time used to be the latest
// time seen on any host, so when one host's lines came more than 2 s behind another's (journalctl -m
// over hosts whose journals are not in step) the flow's trailing lines arrived after it had closed.
// The grace now runs on the flow's own host's time (other hosts' time closes it after 30 s more).
test('hosts reordered with 10 s of skew give the same per-volume results (a flow’s close grace runs on its own host’s time)', async (t) => {
  await reorderedHostsAgree({ which: 0, seed: 0, skewMs: 10_000 });
  t.pass();
});
