/**
 * The HTML report's only script (inline, no network). It reads the data from the JSON element,
 * draws the Gantt rows that are in view (virtual scrolling: a 5,000-volume report keeps a few
 * dozen rows in the DOM), and fills the tooltip and the details panel with textContent only, so
 * log text is never parsed as HTML.
 */
export const REPORT_SCRIPT = String.raw`(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('cw-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var ROW = 22, LABEL = 330, OVERSCAN = 8;
  var scroll = document.getElementById('gantt-scroll');
  var spacer = document.getElementById('gantt-spacer');
  var svg = document.getElementById('gantt-svg');
  var axis = document.getElementById('gantt-axis');
  var tip = document.getElementById('tooltip');
  var details = document.getElementById('details');
  var count = document.getElementById('gantt-count');
  var sortSel = document.getElementById('gantt-sort');
  var kindSel = document.getElementById('gantt-kind');
  var search = document.getElementById('gantt-search');
  var span = Math.max(1, D.t1 - D.t0);
  var view = [];
  var pinned = null;

  function kind(r) { return r.s === 'failed' ? 'failed' : r.s === 'incomplete' ? 'incomplete' : r.p === 'clone' ? 'clone' : r.p === 'copy' ? 'copy' : 'other'; }
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (parent) parent.appendChild(e);
    return e;
  }
  function clock(t) { return t === null ? '?' : new Date(D.t0 + t + D.off * 60000).toISOString().slice(11, 19); }
  function dur(ms) {
    if (ms === null) return '?';
    if (ms < 1000) return Math.round(ms) + ' ms';
    var s = ms / 1000;
    if (s < 60) return s.toFixed(1) + ' s';
    var m = Math.floor(s / 60);
    return m + ' min ' + String(Math.round(s - m * 60)).padStart(2, '0') + ' s';
  }
  function length(r) { return r.a === null || r.e === null ? -1 : r.e - r.a; }
  function plotWidth() { return Math.max(500, scroll.clientWidth); }
  function xOf(t, w) { return LABEL + (t / span) * (w - LABEL - 12); }

  function applyView() {
    var q = search.value.trim().toLowerCase();
    var k = kindSel.value;
    view = [];
    for (var i = 0; i < D.rows.length; i++) {
      var r = D.rows[i];
      if (k !== 'all' && kind(r) !== k) continue;
      if (q && [r.v, r.h, r.b, r.im, r.ii, r.o, r.rq].join(' ').toLowerCase().indexOf(q) < 0) continue;
      view.push(i);
    }
    var by = sortSel.value;
    view.sort(function (x, y) {
      var a = D.rows[x], b = D.rows[y];
      if (by === 'duration') return length(b) - length(a) || x - y;
      if (by === 'host') return String(a.h).localeCompare(String(b.h)) || (a.a === null ? 0 : a.a) - (b.a === null ? 0 : b.a) || x - y;
      return (a.a === null ? Infinity : a.a) - (b.a === null ? Infinity : b.a) || x - y;
    });
    spacer.style.height = view.length * ROW + 'px';
    scroll.scrollTop = 0; // a new order or filter starts at its first row
    count.textContent = view.length + ' of ' + D.rows.length + ' volumes';
    document.getElementById('gantt').setAttribute('data-rows', String(view.length));
    drawAxis();
    render();
  }

  function drawAxis() {
    var w = plotWidth();
    axis.setAttribute('width', w);
    while (axis.firstChild) axis.removeChild(axis.firstChild);
    var steps = [1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) if (span / steps[i] <= 10) { step = steps[i]; break; }
    var first = Math.ceil((D.t0 + D.off * 60000) / step) * step - D.off * 60000 - D.t0;
    for (var t = first; t <= span; t += step) {
      var x = xOf(t, w);
      el('line', { x1: x, y1: 16, x2: x, y2: 24, class: 'axis' }, axis);
      var label = el('text', { x: x, y: 12, class: 'tick', 'text-anchor': 'middle' }, axis);
      label.textContent = clock(t);
    }
    var z = el('text', { x: 6, y: 12, class: 'tick' }, axis);
    z.textContent = 'time (' + D.zone + ')';
  }

  function render() {
    var w = plotWidth();
    var first = Math.max(0, Math.floor(scroll.scrollTop / ROW) - OVERSCAN);
    var last = Math.min(view.length, Math.ceil((scroll.scrollTop + scroll.clientHeight) / ROW) + OVERSCAN);
    svg.setAttribute('width', w);
    svg.setAttribute('height', Math.max(1, (last - first) * ROW));
    svg.style.top = first * ROW + 'px';
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    for (var i = first; i < last; i++) drawRow(view[i], i - first, w);
  }

  function drawRow(idx, k, w) {
    var r = D.rows[idx];
    var y = k * ROW;
    var kd = kind(r);
    var g = el('g', { class: 'row row-' + kd, 'data-index': idx }, svg);
    if (pinned === idx) g.setAttribute('class', 'row row-' + kd + ' pinned');
    el('rect', { class: 'row-bg', x: 0, y: y, width: w, height: ROW }, g);
    var label = el('text', { x: 6, y: y + 15, class: 'row-label' }, g);
    var tag = el('tspan', { class: 'tag tag-' + kd }, label);
    tag.textContent = kd.toUpperCase();
    var id = el('tspan', { x: 78 }, label);
    id.textContent = (r.v || '(volume id not logged)').slice(0, 13);
    var where = el('tspan', { x: 182, class: 'muted' }, label);
    where.textContent = (r.h || '?') + (r.b ? ' · ' + r.b : '');
    if (r.a === null && r.e === null) return;
    var a = r.a === null ? r.e : r.a, e = r.e === null ? r.a : r.e;
    var x1 = xOf(a, w), x2 = Math.max(x1 + 3, xOf(e, w));
    el('rect', { class: 'bar bar-' + kd, x: x1, y: y + 3, width: x2 - x1, height: ROW - 6, rx: 2, fill: D.outcomeColours[kd] }, g);
    for (var i = 0; i < r.ph.length; i++) {
      var p = r.ph[i];
      var pa = p[1] === null ? p[2] : p[1], pe = p[2] === null ? p[1] : p[2];
      if (pa === null) continue;
      var px1 = xOf(pa, w), px2 = Math.max(px1 + 2, xOf(pe, w));
      // The temporary image (a file waiting in the conversion directory) and glance serving the same
      // download are thin bands under and over the row's work, so they never hide it.
      var band = p[0] === 'temporary-image' ? y + ROW - 6 : p[0] === 'glance-serve' ? y + 3 : null;
      el('rect', { class: 'phase phase-' + p[0], x: px1, y: band === null ? y + 7 : band, width: px2 - px1, height: band === null ? ROW - 14 : 3, fill: D.colours[p[0]] || D.fallback }, g);
    }
    if (kd === 'clone') {
      var mark = el('text', { x: x2 + 4, y: y + 15, class: 'clone-mark' }, g);
      mark.textContent = '⚡ ' + dur(length(r));
    }
  }

  function line(parent, text, cls) {
    var d = document.createElement('div');
    if (cls) d.className = cls;
    d.textContent = text;
    parent.appendChild(d);
    return d;
  }
  function describe(parent, r) {
    while (parent.firstChild) parent.removeChild(parent.firstChild);
    line(parent, kind(r).toUpperCase() + ' ' + (r.v || '(volume id not logged)'), 'd-title d-' + kind(r));
    line(parent, r.o + ' · ' + dur(length(r)) + ' · ' + clock(r.a) + ' → ' + clock(r.e));
    line(parent, 'host ' + (r.h || '?') + ' · backend ' + (r.b || '?') + ' · request ' + r.rq, 'muted');
    if (r.im || r.ii) line(parent, 'image ' + (r.im ? '"' + r.im + '" ' : '') + (r.ii || ''), 'muted');
    for (var i = 0; i < r.ph.length; i++) {
      var p = r.ph[i];
      var text = p[0] + '  ' + clock(p[1]) + '  ' + dur(p[1] === null || p[2] === null ? null : p[2] - p[1]);
      if (p[3] !== null) text += '  ' + p[3].toFixed(2) + ' MB';
      if (p[4] !== null) text += '  ' + p[4].toFixed(2) + ' MB/s';
      var ph = line(parent, text, 'd-phase');
      ph.style.borderLeftColor = D.colours[p[0]] || D.fallback;
    }
    if (r.r.length > 0) {
      line(parent, 'why not a clone:', 'd-why');
      var ul = document.createElement('ul');
      ul.className = 'd-reasons';
      for (var j = 0; j < r.r.length; j++) {
        var li = document.createElement('li');
        li.textContent = r.r[j][1] + ' [' + r.r[j][0] + ']';
        ul.appendChild(li);
      }
      parent.appendChild(ul);
    }
    if (r.err) line(parent, 'error: ' + r.err, 'd-error');
  }
  function rowOf(target) {
    var g = target && target.closest ? target.closest('g.row') : null;
    return g ? Number(g.getAttribute('data-index')) : null;
  }
  svg.addEventListener('mousemove', function (ev) {
    var idx = rowOf(ev.target);
    if (idx === null) { tip.hidden = true; return; }
    describe(tip, D.rows[idx]);
    tip.hidden = false;
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = ev.clientY + 16 + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 10 : ev.clientY + 16;
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  });
  svg.addEventListener('mouseleave', function () { tip.hidden = true; });
  svg.addEventListener('click', function (ev) {
    var idx = rowOf(ev.target);
    if (idx === null) return;
    pin(idx);
  });
  function pin(idx) {
    pinned = idx;
    describe(details, D.rows[idx]);
    details.hidden = false;
    render();
  }
  function reveal(idx) {
    var at = view.indexOf(idx);
    if (at < 0) { search.value = ''; kindSel.value = 'all'; applyView(); at = view.indexOf(idx); }
    scroll.scrollTop = Math.max(0, at * ROW - scroll.clientHeight / 2);
    pin(idx);
    document.getElementById('gantt').scrollIntoView({ block: 'start' });
  }
  var slow = document.querySelectorAll('tr[data-index]');
  for (var s = 0; s < slow.length; s++) {
    slow[s].addEventListener('click', function () { reveal(Number(this.getAttribute('data-index'))); });
  }
  var frame = 0;
  scroll.addEventListener('scroll', function () {
    if (frame) return;
    frame = requestAnimationFrame(function () { frame = 0; render(); });
  });
  window.addEventListener('resize', function () { drawAxis(); render(); });
  sortSel.addEventListener('change', applyView);
  kindSel.addEventListener('change', applyView);
  search.addEventListener('input', applyView);
  applyView();
})();
`;
