import { promtoolTest, runTool } from './run-tool.ts';

async function promtool(t: { fail(m: string): void }, args: readonly string[]) {
  return runTool('promtool', args).catch((e: Error) => {
    t.fail(e.message);
    return null;
  });
}

promtoolTest('promtool check rules accepts contrib/clonewatch.rules.yml', async (t) => {
  const r = await promtool(t, ['check', 'rules', 'contrib/clonewatch.rules.yml']);
  t.is(r?.code, 0, `${r?.stdout}${r?.stderr}`);
  t.regex(r?.stdout ?? '', /SUCCESS: 9 rules found/);
});

promtoolTest('the recording rules compute what contrib/README.md says (promtool test rules)', async (t) => {
  const r = await promtool(t, ['test', 'rules', 'test/metrics/clonewatch.rules.test.yml']);
  t.is(r?.code, 0, `${r?.stdout}${r?.stderr}`);
});

promtoolTest('promtool check config accepts contrib/prometheus.yml and its rule file', async (t) => {
  const r = await promtool(t, ['check', 'config', 'contrib/prometheus.yml']);
  t.is(r?.code, 0, `${r?.stdout}${r?.stderr}`);
  t.regex(r?.stdout ?? '', /SUCCESS: 1 rule files found/);
});
