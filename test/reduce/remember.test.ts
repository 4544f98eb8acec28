import test from 'ava';
import { remember } from '../../src/reduce/remember.ts';

// The one bounded map of the reducer and the image tracker: least recently written goes first.

test('beyond the bound, the least recently written key is dropped', (t) => {
  const map = new Map<string, number>();
  for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) remember(map, k, i, 3);
  t.deepEqual([...map], [['b', 1], ['c', 2], ['d', 3]]);
});

test('writing a key again makes it the newest, so an older one goes instead', (t) => {
  const map = new Map<string, number>();
  remember(map, 'a', 1, 3);
  remember(map, 'b', 2, 3);
  remember(map, 'c', 3, 3);
  remember(map, 'a', 10, 3);
  remember(map, 'd', 4, 3);
  t.deepEqual([...map], [['c', 3], ['a', 10], ['d', 4]]);
});

test('reading a key does not protect it', (t) => {
  const map = new Map<string, number>();
  remember(map, 'a', 1, 2);
  remember(map, 'b', 2, 2);
  t.is(map.get('a'), 1);
  remember(map, 'c', 3, 2);
  t.false(map.has('a'));
  t.is(map.size, 2);
});
