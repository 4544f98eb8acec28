import type { RunningPrometheus } from './start-prometheus.ts';

export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface MatrixSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

/** GET one Prometheus HTTP API path; a non-success answer is an Error with Prometheus's message. */
export async function api<T>(prom: RunningPrometheus, path: string): Promise<T> {
  const res = await fetch(`${prom.url}${path}`, { signal: AbortSignal.timeout(20_000) });
  const body = (await res.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error ?? res.status}`);
  return body.data;
}

/** An instant query, now. */
export const query = (prom: RunningPrometheus, q: string) =>
  api<{ resultType: string; result: VectorSample[] }>(prom, `/api/v1/query?query=${encodeURIComponent(q)}`).then((d) => d.result);

/** A range query from `start` to `end` (epoch seconds) every `step` seconds, as Grafana's time series panels run. */
export const queryRange = (prom: RunningPrometheus, q: string, start: number, end: number, step: number) =>
  api<{ resultType: string; result: MatrixSeries[] }>(
    prom,
    `/api/v1/query_range?query=${encodeURIComponent(q)}&start=${start}&end=${end}&step=${step}`,
  ).then((d) => d.result);

/** Polls until check returns a value, Prometheus exits, or `deadlineMs` passes. */
export async function until<T>(prom: RunningPrometheus, what: string, check: () => Promise<T | undefined>, deadlineMs = 120_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const exited = prom.exited();
    if (exited !== null) throw new Error(`Prometheus exited (${exited}) while waiting for ${what}:\n${prom.log()}`);
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Gave up after ${deadlineMs} ms waiting for ${what}:\n${prom.log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
