import test from 'ava';
import fc from 'fast-check';
import { stripAnsi } from '../../src/input/strip-ansi.ts';

const strips = test.macro({
  exec(t, input: string, expected: string) {
    t.is(stripAnsi(input), expected);
  },
  title: (provided, input: string) => `stripAnsi: ${provided ?? JSON.stringify(input)}`,
});

test('no ESC: unchanged', strips, 'plain text [with] brackets', 'plain text [with] brackets');
test('SGR with ;', strips, 'a\x1b[1;31mred\x1b[0m b', 'ared b');
test('SGR with :', strips, 'a\x1b[38:5:245mgrey\x1b[0m b', 'agrey b');
test('empty SGR', strips, 'a\x1b[mb', 'ab');
test('erase in line', strips, 'a\x1b[Kb', 'ab');
test('OSC 8 hyperlink with ST', strips, 'link \x1b]8;;http://x.example/\x1b\\text\x1b]8;;\x1b\\ end', 'link text end');
test('OSC with BEL', strips, 'x\x1b]0;title\x07y', 'xy');
test('lone ESC + char', strips, 'lone \x1b(B esc and \x1bc reset', 'lone B esc and  reset');
test('ESC at the very end', strips, 'abc\x1b', 'abc');
test(
  'devstack context colours',
  strips,
  '\x1b[00;32mDEBUG cinder.volume.manager [\x1b[01;36mNone req-1 \x1b[00;36madmin admin\x1b[00;32m] \x1b[01;35m\x1b[00;32mCreated\x1b[00m',
  'DEBUG cinder.volume.manager [None req-1 admin admin] Created',
);

test('the fast path returns the same string object', (t) => {
  const s = 'no escapes here';
  t.is(stripAnsi(s), s);
});

test('removes exactly what the ANSI regex removes, on random strings of escape-sequence pieces', (t) => {
  // The plain way, which the scanner replaces for speed.
  const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[\s\S]?/g;
  const piece = fc.oneof(
    fc.constantFrom('\x1b', '[', ']', '\\', '\x07', ';', ':', '0', '9', '?', ' ', '/', '!', '@', 'm', 'K', '~', '\x7f', 'é', '\ud83d', 'a', '\n'),
    fc.constantFrom('\x1b[', '\x1b]', '\x1b[00;32m', '\x1b[0m', '\x1b]8;;http://x/\x1b\\', '\x1b]0;t\x07', '\x1b[38:5:245m', '\x1b(B'),
    fc.string({ maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
      const s = parts.join('');
      t.is(stripAnsi(s), s.replace(ANSI, ''), JSON.stringify(s));
    }),
    { numRuns: 5000 },
  );
});
