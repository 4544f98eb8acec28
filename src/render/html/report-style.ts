/** The HTML report's stylesheet (inline; system fonts only, nothing fetched). */
export const REPORT_STYLE = `
:root { --fg: #1f2933; --muted: #66727f; --line: #d8dde3; --bg: #ffffff; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 16px 24px 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
main { padding: 0 24px 32px; }
.muted { color: var(--muted); fill: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 8px 0 0; padding: 0; list-style: none; }
.facts b { font-size: 18px; }
.k-clone { color: #157a43; } .k-copy { color: #a35a00; } .k-failed { color: #b3261e; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0; font-size: 13px; }
.legend svg { vertical-align: -1px; }
.controls { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.controls input { width: 260px; }
#gantt { position: relative; border: 1px solid var(--line); border-radius: 4px; }
#gantt-axis { display: block; border-bottom: 1px solid var(--line); background: var(--soft); }
#gantt-scroll { position: relative; max-height: 620px; overflow-y: auto; overflow-x: hidden; }
#gantt-spacer { position: relative; }
#gantt-svg { position: absolute; left: 0; top: 0; display: block; }
.row-bg { fill: transparent; }
.row:nth-child(even) .row-bg { fill: #fafbfc; }
.row:hover .row-bg, .row.pinned .row-bg { fill: #eef4fb; }
.row { cursor: pointer; }
.phase, .clone-mark, .row-label { pointer-events: none; }
.row-label { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; fill: var(--fg); }
.tag { font-weight: 700; }
.tag-clone { fill: #157a43; } .tag-copy { fill: #a35a00; } .tag-failed { fill: #b3261e; } .tag-incomplete, .tag-other { fill: var(--muted); }
.bar { stroke: #00000022; }
.bar-failed { stroke: #b3261e; stroke-width: 1.5; }
.bar-clone { stroke: #1e9e57; stroke-width: 1.5; }
.clone-mark { font-size: 11px; fill: #157a43; }
.axis { stroke: #9aa5b1; }
.tick { font-size: 11px; fill: var(--muted); }
.chart { display: block; }
.chart-title { font-size: 13px; font-weight: 600; fill: var(--fg); }
.curve { fill: none; stroke: #3b7dd8; stroke-width: 1.6; }
.peak { fill: #b3261e; }
.peak-label { font-size: 12px; fill: #b3261e; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.cache-backend { min-width: 340px; }
.cache-backend h3 { margin: 4px 0; font-size: 14px; }
#tooltip { position: fixed; z-index: 10; max-width: 560px; padding: 8px 10px; background: #fff; border: 1px solid #9aa5b1; border-radius: 4px; box-shadow: 0 4px 14px #0002; pointer-events: none; font-size: 13px; }
#details { margin: 10px 0; padding: 10px 12px; border: 1px solid var(--line); border-left: 4px solid #3b7dd8; background: var(--soft); }
.d-title { font-weight: 700; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.d-clone { color: #157a43; } .d-copy { color: #a35a00; } .d-failed { color: #b3261e; }
.d-phase { border-left: 6px solid #999; padding-left: 6px; margin: 2px 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; white-space: pre; }
.d-why { margin-top: 4px; font-weight: 600; }
.d-reasons { margin: 2px 0 0 18px; padding: 0; }
.d-error { color: #b3261e; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.phases { white-space: nowrap; font-size: 12px; }
tr[data-index] { cursor: pointer; }
tr[data-index]:hover { background: #eef4fb; }
.reasons { margin: 0; padding-left: 16px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.advice li { margin-bottom: 6px; }
`;
