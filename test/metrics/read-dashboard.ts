import { readFileSync } from 'node:fs';
import * as z from 'zod';

export const DASHBOARD_PATH = 'contrib/grafana/clonewatch-fleet.json';

const datasourceRef = z.object({ type: z.literal('prometheus'), uid: z.literal('${datasource}') });
const oneLine = z.string().min(1).regex(/^[^\n]+$/, 'one line');

const target = z.object({ refId: z.string().min(1), expr: z.string().min(1), datasource: datasourceRef, instant: z.boolean().optional() });

const panel = z.object({
  id: z.number().int(),
  type: z.enum(['timeseries', 'stat', 'gauge']),
  title: oneLine,
  description: oneLine,
  datasource: datasourceRef,
  gridPos: z.object({ h: z.number().positive(), w: z.number().positive().max(24), x: z.number().min(0), y: z.number().min(0) }),
  fieldConfig: z.object({ defaults: z.object({ unit: z.string().min(1) }) }),
  targets: z.array(target).min(1),
});

const row = z.object({ id: z.number().int(), type: z.literal('row'), title: oneLine });

const variable = z.discriminatedUnion('type', [
  z.object({ name: z.string(), type: z.literal('datasource'), query: z.literal('prometheus') }),
  z.object({
    name: z.string(),
    type: z.literal('query'),
    datasource: datasourceRef,
    definition: z.string().regex(/^label_values\(/),
    query: z.object({ query: z.string() }),
    includeAll: z.boolean(),
    allValue: z.string().optional(),
  }),
]);

/** The shape of contrib/grafana/clonewatch-fleet.json that the fleet test relies on (Grafana's classic JSON model). */
export const Dashboard = z.object({
  uid: z.string().min(1),
  title: z.string().min(1),
  schemaVersion: z.number().int(),
  panels: z.array(z.union([row, panel])),
  templating: z.object({ list: z.array(variable) }),
});
export type Dashboard = z.infer<typeof Dashboard>;
export type Panel = z.infer<typeof panel>;

/** Reads and validates the dashboard; throws zod's error (which says where) if its shape is wrong. */
export function readDashboard(path = DASHBOARD_PATH): Dashboard {
  return Dashboard.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The panels that show data (rows left out). */
export function dataPanels(d: Dashboard): Panel[] {
  return d.panels.filter((p): p is Panel => p.type !== 'row');
}
