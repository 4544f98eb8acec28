/**
 * What PromQL's histogram_quantile(q, …) answers for these observations in a histogram with these
 * upper bounds (plus +Inf), computed the way Prometheus does (promql/quantile.go bucketQuantile):
 * find the first bucket whose cumulative count reaches q × total, interpolate linearly inside it
 * (from 0 for the first bucket); in the +Inf bucket, the highest finite bound. NaN with no observations.
 */
export function histogramQuantile(q: number, bounds: readonly number[], observations: readonly number[]): number {
  const total = observations.length;
  if (total === 0) return NaN;
  const cumulative = bounds.map((b) => observations.filter((v) => v <= b).length);
  const rank = q * total;
  const b = cumulative.findIndex((c) => c >= rank);
  if (b === -1) return bounds[bounds.length - 1] ?? NaN;
  const end = bounds[b] ?? NaN;
  const start = b === 0 ? 0 : (bounds[b - 1] ?? NaN);
  const below = b === 0 ? 0 : (cumulative[b - 1] ?? 0);
  return start + (end - start) * ((rank - below) / ((cumulative[b] ?? 0) - below));
}
