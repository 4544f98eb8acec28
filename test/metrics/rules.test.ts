import { promtoolTest, runTool } from './run-tool.ts';

async function promtool(t: { fail(m: string): void }, args: readonly string[]) {
  return runTool('promtool', args).catch((e: Error) => {
    t.fail(e.message);
    return null;
  });
}

for (const [file, rules] of [
  ['contrib/clonewatch.rules.yml', 9],
  ['contrib/clonewatch.alerts.yml', 6],
] as const) {
  promtoolTest(`promtool check rules accepts ${file}`, async (t) => {
    const r = await promtool(t, ['check', 'rules', file]);
    t.is(r?.code, 0, `${r?.stdout}${r?.stderr}`);
    t.regex(r?.stdout ?? '', new RegExp(`SUCCESS: ${rules} rules found`));
  });
}

for (const [title, file] of [
  ['the recording rules compute what contrib/README.md says', 'test/metrics/clonewatch.rules.test.yml'],
  ['the alerts fire when contrib/README.md says and stay quiet otherwise', 'test/metrics/clonewatch.alerts.test.yml'],
] as const) {
  promtoolTest(`${title} (promtool test rules ${file})`, async (t) => {
    const r = await promtool(t, ['test', 'rules', file]);
    t.is(r?.code, 0, `${r?.stdout}${r?.stderr}`);
  });
}

promtoolTest('promtool check config accepts contrib/prometheus.yml and its rule files', async (t) => {
  const r = await promtool(t, ['check', 'config', 'contrib/prometheus.yml']);
  t.is(r?.code, 0, `${r?.stdout}${r?.stderr}`);
  t.regex(r?.stdout ?? '', /SUCCESS: 2 rule files found/);
});
