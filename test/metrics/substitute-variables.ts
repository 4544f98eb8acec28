export interface VariableValues {
  /** A regex for `host=~"$host"`: `.*` (All) or one host. */
  readonly host: string;
  readonly backend: string;
  /** What Grafana would put for `$__rate_interval`, `$__interval` and `$__range` (PromQL durations). */
  readonly rateInterval: string;
  readonly interval: string;
  readonly range: string;
}

/** One value as Grafana's Prometheus data source writes it into `=~"…"`: regex metacharacters escaped. */
export function regexValue(value: string): string {
  return value.replace(/[$^*+?.()|\\[\]{}]/g, '\\\\$&');
}

/**
 * A panel's expr with the dashboard's variables replaced as Grafana would (`$x` and `${x}`); throws if
 * a variable is left that the dashboard does not define, so a new one cannot go untested.
 */
export function substituteVariables(expr: string, v: VariableValues): string {
  const values: Record<string, string> = {
    host: v.host,
    backend: v.backend,
    __rate_interval: v.rateInterval,
    __interval: v.interval,
    __range: v.range,
  };
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = values[name];
    if (value === undefined) throw new Error(`Unknown dashboard variable ${whole} in: ${expr}`);
    return value;
  });
}
