import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { runCli } from './run-cli.ts';

// Two copies of the same copies on hosts named so that Danish collation ("aa" sorts as "å", after
// "z") orders them the other way round from every other locale: the tool's lists must not follow LANG.
test('throughput --by host lists hosts in the same order whatever the locale', async (t) => {
  const text = readFileSync('samples/copy-with-conversion/journal.short-precise.txt', 'utf8');
  const files = ['aa-cvol', 'b-cvol'].map((host) => {
    const f = join(tmpdir(), `clonewatch-locale-${process.pid}-${host}.txt`);
    writeFileSync(f, text.replaceAll(' cvol-a ', ` ${host} `));
    t.teardown(() => rmSync(f, { force: true }));
    return f;
  });
  const run = (locale: string) => runCli(['throughput', '--by', 'host', '--year', '2026', ...files], { LC_ALL: locale, LANG: locale });
  const [c, da] = await Promise.all([run('C.UTF-8'), run('da_DK.UTF-8')]);
  t.is(c.status, 0, c.stderr);
  const hosts = [...c.stdout.matchAll(/^ {2}download +(\S+-cvol) /gm)].map((m) => m[1]);
  t.deepEqual(hosts, ['aa-cvol', 'b-cvol']);
  t.is(da.stdout, c.stdout);
});
