import test from 'ava';
import { isCurrent } from '../../src/pipeline/is-current.ts';

const now = Date.UTC(2026, 11, 6, 17, 0, 0);
const min = 60_000;

test('live input is current up to five minutes behind the clock, and ahead of it by any amount', (t) => {
  t.true(isCurrent(now, now), 'journalctl -f on this host');
  t.true(isCurrent(now - 4 * min, now), 'a host whose clock is 4 minutes behind, or a backlog being caught up');
  t.true(isCurrent(now + 3 * 60 * min, now), 'a host whose clock (or --tz) is hours ahead');
});

test('older input is read like a file: a finished journal, journalctl -f’s first lines after a quiet hour', (t) => {
  t.false(isCurrent(now - 6 * min, now));
  t.false(isCurrent(now - 60 * min, now));
  t.false(isCurrent(Date.UTC(2026, 2, 19, 20, 13, 4), now), 'the March samples');
  t.false(isCurrent(null, now), 'nothing with a time read yet');
});
