import test from 'ava';
import { readFileSync } from 'node:fs';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import { dataPanels, Dashboard, DASHBOARD_PATH, readDashboard } from './read-dashboard.ts';

test('the Grafana dashboard has the shape Grafana imports: every panel a title, a unit, a one-line description and a query on the datasource variable', (t) => {
  const parsed = Dashboard.safeParse(JSON.parse(readFileSync(DASHBOARD_PATH, 'utf8')));
  t.true(parsed.success, parsed.error?.message);
  const d = readDashboard();
  t.true(d.schemaVersion >= 39, `schemaVersion ${d.schemaVersion} is older than Grafana 10.4`);
  const panels = dataPanels(d);
  t.true(panels.length >= 12);
  t.is(new Set(d.panels.map((p) => p.id)).size, d.panels.length, 'panel ids are unique');
  t.is(new Set(panels.map((p) => p.title)).size, panels.length, 'panel titles are unique');
  for (const p of panels) {
    t.is(new Set(p.targets.map((x) => x.refId)).size, p.targets.length, `refIds of "${p.title}" are unique`);
    t.true(p.gridPos.x + p.gridPos.w <= 24, `"${p.title}" fits in the 24 columns`);
  }
  t.deepEqual(
    d.templating.list.map((v) => [v.name, v.type]),
    [
      ['datasource', 'datasource'],
      ['host', 'query'],
      ['backend', 'query'],
    ],
  );
});

test('every metric the dashboard queries is one the exporter serves, and every clonewatch metric is on it', (t) => {
  const served = new Map<string, string>();
  for (const m of createMetrics({ processMetrics: false }).registry.getMetricsAsArray()) {
    const type = String(m.type);
    served.set(m.name, type);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) served.set(m.name + s, type);
  }
  const used = new Set<string>();
  for (const p of dataPanels(readDashboard())) {
    for (const x of p.targets) for (const m of x.expr.matchAll(/\bclonewatch_[a-z_]+/g)) used.add(m[0]);
  }
  const unknown = [...used].filter((n) => !served.has(n));
  t.deepEqual(unknown, [], 'queried but not served');
  const base = (n: string) => n.replace(/_(bucket|sum|count)$/, '');
  const shown = new Set([...used].map(base));
  // The recognised-lines counter is read + unrecognised apart; every other metric has a panel.
  const missing = [...served.keys()].filter((n) => !/_(bucket|sum|count)$/.test(n) && !shown.has(n) && n !== 'clonewatch_lines_recognised_total');
  t.deepEqual(missing, [], 'served but on no panel');
});
