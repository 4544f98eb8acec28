import { createHash } from 'node:crypto';
import type { ReportData } from '../../report/build-report.ts';
import { throughputEventsOf, THROUGHPUT_METRICS, type ThroughputEvent } from '../../report/throughput-event.ts';
import type { Timeline } from '../../reduce/timeline.ts';
import { formatTimestamp } from '../../time/format-timestamp.ts';
import { offsetAt } from '../../time/offset-at.ts';
import { describeOutcome } from '../describe-outcome.ts';
import { formatDuration } from '../format-duration.ts';
import { escapeHtml as e, jsonForScript } from './escape-html.ts';
import { htmlImageCache } from './html-image-cache.ts';
import { FALLBACK_COLOUR, OUTCOME_COLOURS, PHASE_COLOURS } from './phase-colours.ts';
import { REPORT_SCRIPT } from './report-script.ts';
import { REPORT_STYLE } from './report-style.ts';
import { svgConcurrency } from './svg-concurrency.ts';
import { svgConversionDir } from './svg-conversion-dir.ts';
import { svgHistogram } from './svg-histogram.ts';

export interface HtmlOptions {
  /** Zone of the times shown (`--tz`). */
  readonly zone: string;
  /** Input names, shown in the header. */
  readonly inputs: readonly string[];
  /** Throughput events that are not in the timelines (Glance store writes), for the histograms. */
  readonly extraEvents?: readonly ThroughputEvent[];
}

const METRIC_COLOURS: Record<string, string> = { download: '#3b7dd8', conversion: '#8e44ad', 'volume-copy': '#d35400', 'glance-store-write': '#16a2a8' };
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;


/**
 * The self-contained HTML report: inline CSS, one inline script, inline SVG, the data as JSON in
 * the page; nothing is fetched (a Content-Security-Policy with `default-src 'none'` and hashes of
 * the one script and stylesheet says so to the browser too). Every log-derived string is escaped
 * here, and the script only ever sets textContent.
 */
export function renderHtmlReport(r: ReportData, timelines: readonly Timeline[], o: HtmlOptions): string {
  const t0 = r.span.start ?? 0;
  const t1 = Math.max(r.span.end ?? t0, t0 + 1);
  const rel = (t: number | null) => (t === null ? null : Math.round(t - t0));
  const at = (t: number | null) => (t === null ? '?' : formatTimestamp(t, o.zone, { style: 'date-time' }));
  const clock = (t: number) => formatTimestamp(t, o.zone, { style: 'time' });
  const zone = o.zone === 'local' ? 'local time' : o.zone;
  const rows = timelines.map((t) => ({
    v: t.volumeId, h: t.host, b: t.backend, im: t.imageName, ii: t.imageId, s: t.status, p: t.provisioning, cm: t.cloneMethod,
    o: describeOutcome(t), a: rel(t.start), e: rel(t.end), rq: t.requestId, err: t.error,
    ph: t.phases.map((p) => [p.name, rel(p.start), rel(p.end), p.sizeMB, p.mbps]),
    r: t.reasons.map((x) => [x.code, x.message]),
  }));
  const data = { t0, t1, off: Math.round(offsetAt(o.zone, t0)), zone, rows, colours: PHASE_COLOURS, outcomeColours: OUTCOME_COLOURS, fallback: FALLBACK_COLOUR };
  const index = new Map<string, number>();
  timelines.forEach((t, i) => index.set(`${t.host ?? ''}\u0000${t.requestId}\u0000${t.volumeId ?? ''}`, i));

  const v = r.volumes;
  const c = r.concurrency;
  const facts = [
    `<li><b>${v.total}</b> volumes on ${v.hosts.length} host${v.hosts.length === 1 ? '' : 's'}</li>`,
    `<li class="k-clone"><b>${v.byProvisioning['clone'] ?? 0}</b> clones</li>`,
    `<li class="k-copy"><b>${v.byProvisioning['copy'] ?? 0}</b> copies</li>`,
    `<li class="k-failed"><b>${v.byStatus['failed'] ?? 0}</b> failed</li>`,
    `<li><b>${v.byStatus['incomplete'] ?? 0}</b> incomplete</li>`,
    `<li>peak <b>${c.peak}</b> in flight${c.peakAt === null ? '' : ` at ${e(at(c.peakAt))}`}</li>`,
  ].join('');

  // Swatches are SVG (fill is a presentation attribute: the CSP allows no inline style attributes).
  const swatch = (col: string | undefined, text: string) => `<span><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${col ?? FALLBACK_COLOUR}"/></svg> ${text}</span>`;
  const legend = [
    ...Object.entries(PHASE_COLOURS).map(([name, col]) => swatch(col, e(name))),
    swatch(OUTCOME_COLOURS['clone'], 'clone (row, ⚡ its duration)'),
    swatch(OUTCOME_COLOURS['copy'], 'copy (row)'),
    swatch(OUTCOME_COLOURS['failed'], 'failed (row)'),
  ].join('');

  const slowRows = r.slowest
    .map((s, n) => {
      const i = index.get(`${s.host ?? ''}\u0000${s.requestId}\u0000${s.volumeId ?? ''}`);
      const phases = s.phases
        .filter((p) => p.name !== 'temporary-image')
        .map((p) => `${e(p.name)} ${formatDuration(p.start === null || p.end === null ? null : p.end - p.start)}${p.mbps === null ? '' : ` (${p.mbps.toFixed(1)} MB/s)`}`)
        .join('<br>');
      const why = s.reasons.length === 0 ? (s.error === null ? '' : `<span class="k-failed">${e(s.error)}</span>`) : `<ul class="reasons">${s.reasons.map((x) => `<li>${e(x.message)} <span class="muted">[${e(x.code)}]</span></li>`).join('')}</ul>`;
      return `<tr${i === undefined ? '' : ` data-index="${i}"`}><td class="num">${n + 1}</td><td class="num">${formatDuration(s.durationMs)}</td><td><code>${e(s.volumeId ?? '(not logged)')}</code><br><span class="muted">${e(s.outcome)}</span></td><td>${e(s.host ?? '?')}<br><span class="muted">${e(s.backend ?? '?')}</span></td><td>${e(s.imageName ?? s.imageId ?? '?')}</td><td class="phases">${phases}</td><td>${why}</td></tr>`;
    })
    .join('');

  const events = [...timelines.flatMap((t) => throughputEventsOf(t)), ...(o.extraEvents ?? [])];
  const histograms = THROUGHPUT_METRICS.filter((m) => m !== 'glance-store-write' || events.some((x) => x.metric === m))
    .map((m) => svgHistogram(`${m} MB/s`, events.filter((x) => x.metric === m).map((x) => x.mbps), METRIC_COLOURS[m] ?? FALLBACK_COLOUR, { width: 330, height: 160, bins: 20 }))
    .join('');
  const tp = r.throughput.overall
    .map((x) => `<tr><td>${e(x.metric)}</td><td class="num">${x.count}</td><td class="num">${x.totalMB.toFixed(1)}</td><td class="num">${x.totalSeconds.toFixed(1)}</td><td class="num">${x.mbps?.toFixed(1) ?? '–'}</td><td class="num">${x.perEvent.p50?.toFixed(1) ?? '–'}</td><td class="num">${x.perEvent.p90?.toFixed(1) ?? '–'}</td><td class="num">${x.perEvent.p99?.toFixed(1) ?? '–'}</td></tr>`)
    .join('');

  const ts = r.time;
  const savings = ts.byBackend
    .filter((b) => b.copies > 0)
    .map((b) => `<tr><td>${e(b.backend)}</td><td class="num">${b.copies}</td><td class="num">${formatDuration(b.copyMs)}</td><td class="num">${b.cloneMedianMs === null ? '<span class="muted">no clone here</span>' : formatDuration(b.cloneMedianMs)}</td><td class="num">${b.savedMs === null ? '–' : formatDuration(b.savedMs)}</td></tr>`)
    .join('');

  const advice = r.advice.length === 0 ? '<p class="muted">none</p>' : `<ul class="advice">${r.advice.map((a) => `<li>${e(a.message)} <span class="muted">[${e(a.code)}, ${a.volumes} volume${a.volumes === 1 ? '' : 's'}]</span>${a.command === null ? '' : `<br><code>${e(a.command)}</code>`}</li>`).join('')}</ul>`;

  const concurrency = c.peak === 0 ? '<p class="muted">no provisioning with a start and an end</p>' : svgConcurrency(c, { start: t0, end: t1 }, clock, { width: 1000, height: 180 });
  const dirHosts = r.conversionDir.hosts.filter((h) => h.peakBytes > 0 || h.noSpace.length > 0);
  const conversionDir = dirHosts.length === 0
    ? '<p class="muted">nothing held in image_conversion_dir (no download, or not logged)</p>'
    : `<div class="charts">${dirHosts.map((h) => svgConversionDir(h, { start: t0, end: t1 }, clock, { width: 1000, height: 160 })).join('')}</div>
<p class="muted">Downloaded images at their size, files converted into the directory (RBD) at the image's virtual size, and what a create that failed for lack of space asked for, at the instant it failed; vertical lines mark those failures.</p>`;
  const csp = `default-src 'none'; style-src ${sha256(REPORT_STYLE)}; script-src ${sha256(REPORT_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>clonewatch report: ${e(at(r.span.start))} → ${e(at(r.span.end))}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>clonewatch report</h1>
<div class="muted">${r.span.start === null ? 'no timestamps' : `${e(at(r.span.start))} → ${e(at(r.span.end))} (${e(zone)})`} · ${o.inputs.map((i) => e(i)).join(', ')}</div>
<ul class="facts">${facts}</ul>
</header>
<main>
<h2>Timeline: one row per volume</h2>
<div class="legend">${legend}</div>
<div class="controls">
<label>sort <select id="gantt-sort"><option value="start">by start</option><option value="duration">slowest first</option><option value="host">by host</option></select></label>
<label>show <select id="gantt-kind"><option value="all">all</option><option value="clone">clones</option><option value="copy">copies</option><option value="failed">failed</option><option value="incomplete">incomplete</option></select></label>
<label>find <input id="gantt-search" type="search" placeholder="volume, image, host, request…"></label>
<span id="gantt-count" class="muted"></span>
</div>
<div id="gantt" data-rows="0">
<svg id="gantt-axis" height="26"></svg>
<div id="gantt-scroll"><div id="gantt-spacer"><svg id="gantt-svg"></svg></div></div>
</div>
<div id="details" hidden></div>
<div id="tooltip" hidden></div>
<p class="muted">Hover a row for its phases and reasons, click to keep them above. Only the rows in view are drawn (virtual scrolling), so thousands of volumes stay fluid.</p>

<h2>Slowest ${r.slowest.length}</h2>
<table id="slowest"><thead><tr><th class="num">#</th><th class="num">took</th><th>volume</th><th>host / backend</th><th>image</th><th>phases</th><th>why</th></tr></thead><tbody>${slowRows}</tbody></table>

<h2>Concurrency: provisionings in flight</h2>
${concurrency}

<h2>Conversion directory: bytes held per host</h2>
${conversionDir}

<h2>Time in copies and clones</h2>
<p>copies: ${ts.copies.count}, ${formatDuration(ts.copies.totalMs)} in all (median ${formatDuration(ts.copies.medianMs)}) · clones: ${ts.clones.count}, ${formatDuration(ts.clones.totalMs)} in all (median ${formatDuration(ts.clones.medianMs)}).<br>
Clones would have saved <b>${formatDuration(ts.savedMs)}</b> over ${ts.comparedCopies} cop${ts.comparedCopies === 1 ? 'y' : 'ies'} (yardstick: the median clone on the same backend)${ts.uncomparedCopies ? `; ${ts.uncomparedCopies} copies ran on backends with no clone to compare` : ''}.</p>
<table id="savings"><thead><tr><th>backend</th><th class="num">copies</th><th class="num">time in copies</th><th class="num">median clone</th><th class="num">clones would have saved</th></tr></thead><tbody>${savings}</tbody></table>

<h2>Throughput</h2>
<div class="charts">${histograms}</div>
<table id="throughput"><thead><tr><th>metric</th><th class="num">count</th><th class="num">total MB</th><th class="num">total s</th><th class="num">MB/s (size-weighted)</th><th class="num">p50</th><th class="num">p90</th><th class="num">p99</th></tr></thead><tbody>${tp}</tbody></table>
<p class="muted">Percentiles of per-event MB/s, within ${r.throughput.relativeAccuracy * 100} % (DDSketch).</p>

${htmlImageCache(r.imageCache)}<h2>Advice</h2>
${advice}
</main>
<script type="application/json" id="cw-data">${jsonForScript(data)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
