/**
 * An SVG path `d` of a step curve from 0 at `start`: each point holds its value until the next, the
 * last one until `end`. `x` and `y` map a time and a value to the chart.
 */
export function stepPath(points: readonly { readonly t: number; readonly v: number }[], span: { start: number; end: number }, x: (t: number) => number, y: (v: number) => number): string {
  let d = `M${x(span.start).toFixed(1)},${y(0).toFixed(1)}`;
  let prev = 0;
  for (const p of points) {
    d += `L${x(p.t).toFixed(1)},${y(prev).toFixed(1)}L${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
    prev = p.v;
  }
  return `${d}L${x(span.end).toFixed(1)},${y(prev).toFixed(1)}`;
}
