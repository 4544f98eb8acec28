import test from 'ava';
import { requiredPrefixes } from '../../src/recognise/required-prefix.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';

test('the literal run after ^, with escapes resolved', (t) => {
  t.deepEqual(requiredPrefixes(/^Creating volume (?<id>\S+)/), ['Creating volume ']);
  t.deepEqual(requiredPrefixes(/^Image \(file\) at a\.b\/c: \d+/), ['Image (file) at a.b/c: ']);
  t.deepEqual(requiredPrefixes(/^\[pid: (?<p>\d+)/), ['[pid: ']);
  t.deepEqual(requiredPrefixes(/^a\|b/), ['a|b'], 'an escaped | is a character');
  t.deepEqual(requiredPrefixes(/^a[|]b/), ['a'], 'a | in a class is a character');
});

test('a quantified last character, a group, a class or a class escape ends the run', (t) => {
  t.deepEqual(requiredPrefixes(/^abc?d/), ['ab']);
  t.deepEqual(requiredPrefixes(/^ab*/), ['a']);
  t.deepEqual(requiredPrefixes(/^ab+/), ['a']);
  t.deepEqual(requiredPrefixes(/^ab{2}/), ['a']);
  t.deepEqual(requiredPrefixes(/^a\.?b/), ['a']);
  t.deepEqual(requiredPrefixes(/^ab(?:c|d)/), ['ab']);
  t.deepEqual(requiredPrefixes(/^ab[cd]/), ['ab']);
  t.deepEqual(requiredPrefixes(/^ab\d/), ['ab']);
});

test('a leading group of alternatives gives one run each, if every one has a run', (t) => {
  t.deepEqual(requiredPrefixes(/^(?:Task (?<id>\S+) done|Found image|Image: (?<x>\S+) gone)$/), ['Task ', 'Found image', 'Image: ']);
  t.deepEqual(requiredPrefixes(/^(?<what>Failed to write|Partial volume) (?<v>\S+)/), ['Failed to write', 'Partial volume']);
  t.deepEqual(requiredPrefixes(/^(?:a(?:b|c)|d)x/), ['a', 'd']);
  t.deepEqual(requiredPrefixes(/^(?:(?<w>Timeout while) (?<v>\S+)|(?:Failed|Error) to)/), ['Timeout while', 'Failed', 'Error'], 'a group first in an alternative');
  t.deepEqual(requiredPrefixes(/^(?:(?:a|\S+) b|c)/), [], 'a nested alternative without a run');
  t.deepEqual(requiredPrefixes(/^(?:Task|\S+ failed)/), [], 'an alternative without a run');
  t.deepEqual(requiredPrefixes(/^(?:ab|cd)?x/), [], 'an optional group');
  t.deepEqual(requiredPrefixes(/^(?:ab|cd)*x/), []);
  t.deepEqual(requiredPrefixes(/^(ab|cd)x/), [], 'a capturing group without a name is not handled');
});

test('no ^, a top-level |, or flags that change what ^ or a letter matches: none', (t) => {
  t.deepEqual(requiredPrefixes(/Creating volume/), []);
  t.deepEqual(requiredPrefixes(/^a|b/), [], 'a match may start with b');
  t.deepEqual(requiredPrefixes(/^a(?:x|y)|b/), []);
  t.deepEqual(requiredPrefixes(/^(?:a|b)c|d/), []);
  t.deepEqual(requiredPrefixes(/^creating/i), []);
  t.deepEqual(requiredPrefixes(/^creating/m), []);
  t.deepEqual(requiredPrefixes(/^creating/s), ['creating']);
});

test('every sample of every row starts with one of its row\'s prefixes, and most rows have some', (t) => {
  let withPrefix = 0;
  for (const row of RECOGNISERS) {
    const prefixes = requiredPrefixes(row.pattern);
    if (prefixes.length > 0) withPrefix++;
    for (const sample of row.samples) t.true(prefixes.length === 0 || prefixes.some((p) => sample.startsWith(p)), `${row.id}: "${sample.slice(0, 60)}" starts with none of ${JSON.stringify(prefixes)}`);
  }
  t.true(withPrefix > RECOGNISERS.length * 0.8, `${withPrefix} of ${RECOGNISERS.length}`);
});
