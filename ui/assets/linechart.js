// 균형 year chart: lines and bars over the years drawn as SVG in the page (st.components.v2), no plotly,
// no CDN. Python sends one view (ui/linechart.py): one or more panels (each its own value axis, lines and
// bars: grouped or stacked, a text above each bar), every value's text, the years shaded as partial,
// policy events, quoted figures, title, subtitle and source. Hover, exports and, in presenter mode, the
// year reveal happen here; a revealed year goes to the URL (?year=) with no server run.

// The panels of a view (a one-panel view may give its lines, bars and axis at the top level).
function panelsOf(spec) {
  if (spec.panels && spec.panels.length) return spec.panels;
  return [{ title: "", axis: spec.axis, lines: spec.lines || [], bars: spec.bars || [], hline: spec.hline, stack: spec.stack, quoted: spec.quoted }];
}
function skeleton(parent, spec) {
  for (const n of Array.from(parent.children)) if (n.classList && n.classList.contains("bal-lc")) n.remove();
  const box = el("div", { class: "bal-lc" + (spec.presenter ? " presenter" : "") + (spec.slide ? " slide" : ""), tabindex: "-1" }, parent);
  const head = el("div", { class: "bal-lc-head" }, box);
  const ui = { box, title: el("div", { class: "bal-lc-title" }, head), subtitle: el("div", { class: "bal-lc-subtitle" }, head) };
  const bar = el("div", { class: "bal-lc-bar", role: "toolbar" }, box);
  const L = spec.labels;
  const button = (cls, text, help) => { const b = el("button", { class: `bal-lc-btn ${cls}`, type: "button", title: help || "" }, bar); b.textContent = text; return b; };
  if (!spec.reveal) ui.legend = el("div", { class: "bal-lc-legend" }, bar);  // one row: legend, exports
  if (spec.reveal) {
    ui.prev = button("bal-lc-prev", `◀ ${L.prev}`, L.prev_help);
    ui.play = button("bal-lc-play", `▶ ${L.play}`, L.play_help);
    ui.next = button("bal-lc-next", `${L.next} ▶`, L.next_help);
    ui.range = el("input", { class: "bal-lc-range", type: "range", min: "0", max: String(spec.years.length - 1), step: "1", "aria-label": L.year }, bar);
    ui.yearLabel = el("span", { class: "bal-lc-year", "aria-live": "polite" }, bar);
  }
  el("span", { class: "bal-lc-fill" }, bar);
  ui.png = button("bal-lc-png", "PNG", L.png);
  ui.svgBtn = button("bal-lc-svgx", "SVG", L.svg);
  if (spec.reveal) ui.legend = el("div", { class: "bal-lc-legend" }, box);
  ui.stage = el("div", { class: "bal-lc-stage" }, box);
  ui.svg = el("svg", { class: "bal-lc-svg", role: "img" }, ui.stage, true);
  ui.tip = el("div", { class: "bal-lc-tip", hidden: "" }, ui.stage);
  ui.source = el("div", { class: "bal-lc-source" }, box);
  return ui;
}

// Every series once (a class drawn in two panels is one entry), then the shaded years and quoted figures.
function legendEntries(spec) {
  const seen = new Set(), out = [];
  for (const p of spec.legend === false ? [] : panelsOf(spec)) {  // legend false: the panels' titles name them
    for (const ln of p.lines || []) if (!seen.has(`l${ln.name}`)) { seen.add(`l${ln.name}`); out.push({ kind: "line", ...ln }); }
    for (const b of p.bars || []) if (b.legend !== false && !seen.has(`b${b.name}`)) { seen.add(`b${b.name}`); out.push({ kind: "bar", name: b.name, color: b.color }); }
  }
  if (spec.shade && spec.shade.years.length) out.push({ kind: "shade", name: spec.shade.label, color: "#e6e6e6" });
  if (spec.quoted.length) out.push({ kind: "quoted", name: spec.quoted[0].legend });
  return out;
}

function glyph(e) {
  if (e.kind === "line") return `<svg width="28" height="12" aria-hidden="true"><line x1="1" y1="6" x2="27" y2="6" stroke="${esc(e.color)}" stroke-width="${Math.min(e.width, 3)}" stroke-dasharray="${dashArray(e.dash, 2)}"/></svg>`;
  if (e.kind === "quoted") return '<svg width="16" height="14" aria-hidden="true"><path d="M8 1 L15 7 L8 13 L1 7 Z" fill="none" stroke="#333" stroke-width="2"/></svg>';
  return `<svg width="14" height="14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" fill="${esc(e.color)}" stroke="${e.kind === "shade" ? "#bbb" : "none"}"/></svg>`;
}

function legendHtml(spec) {
  return legendEntries(spec).map((e) => `<span class="bal-lc-item">${glyph(e)}${esc(e.name)}</span>`).join("");
}

// Half the smallest step between the chart's years (0.5 for yearly data, 2.5 for census years): the room
// kept at both ends of the year axis and half a bar's slot.
function halfStep(years) {
  const gaps = years.slice(1).map((y, i) => y - years[i]);
  return gaps.length ? Math.min(...gaps) / 2 : 0.5;
}

// The years labelled on the axis: every year of a short series, else round steps (1, 2, 5, 10 … apart).
function yearTicks(years, plotW, size) {
  const span = years[years.length - 1] - years[0];
  const room = Math.max(1, Math.floor(plotW / (textWidth("2024", size) + size * 1.2)));
  if (years.length <= room && span + 1 > room) return years;
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => span / s + 1 <= room) || 50;
  const out = [];
  for (let yr = years[0]; yr <= years[years.length - 1]; yr += step) out.push(yr);
  return out;
}

// Greedy rows for the event badges: the first row whose last badge ends before this one starts.
function badgeRows(marks, xOf, widths) {
  const ends = [];
  return marks.map((m, i) => {
    const left = xOf(m.x) - widths[i] / 2;
    let row = ends.findIndex((end) => left >= end + 3);
    if (row < 0) { row = ends.length; ends.push(0); }
    ends[row] = left + widths[i];
    return row;
  });
}

// The bars of one panel at the years shown: rectangles (grouped side by side, or stacked with negative
// values below zero) and the top of each year's stack (where a bar's label goes).
function barRects(panel, shown, xOf, yOf, slot) {
  const bars = panel.bars || [], rects = [], tops = new Map();
  if (!bars.length) return { rects, tops };
  const width = slot * 0.78, k = panel.stack ? 1 : bars.length, each = width / k;
  const pos = new Map(), neg = new Map();
  bars.forEach((b, j) => {
    const at = new Map(b.x.map((x, i) => [x, i]));
    for (const yr of shown) {
      if (!at.has(yr)) continue;
      const i = at.get(yr), v = b.y[i];
      if (v === null || v === undefined) continue;
      const base = panel.stack ? (v >= 0 ? pos.get(yr) || 0 : neg.get(yr) || 0) : 0;
      const end = base + v;
      if (panel.stack) (v >= 0 ? pos : neg).set(yr, end);
      const x = xOf(yr) - width / 2 + (panel.stack ? 0 : j * each);
      const y0 = yOf(base), y1 = yOf(end);
      rects.push({ x, y: Math.min(y0, y1), w: Math.max(each - (k > 1 ? 1 : 0), 1), h: Math.max(Math.abs(y1 - y0), v === 0 ? 0 : 1),
        color: (b.colors && b.colors[i]) || b.color, code: b.code, year: yr, label: b.labels ? b.labels[i] : "",
        labelColor: b.label_color || b.color, cx: x + each / 2, top: Math.min(y0, y1) });
      tops.set(yr, Math.min(tops.has(yr) ? tops.get(yr) : Infinity, y0, y1));
    }
  });
  return { rects, tops };
}

// One panel: grid and value ticks, year ticks, zero/reference line, shaded years, events, bars, lines,
// markers and quoted figures, in the box (x0, y0, w, h) of `g`; returns its scales.
function drawPanel(g, spec, panel, upto, box, size, marks) {
  const years = spec.years, ax = panel.axis, add = box.add;
  const { left, plotW, top, plotH } = box;
  const half = halfStep(years), xLo = years[0] - half, xHi = years[years.length - 1] + half;
  const xOf = (x) => left + ((x - xLo) / (xHi - xLo)) * plotW;
  const yOf = (v) => top + (1 - (v - ax.lo) / (ax.hi - ax.lo)) * plotH;
  if (panel.title) add("text", { x: left, y: top - size * 0.55, "font-size": size, "font-weight": 700, fill: "#111", class: "bal-lc-ptitle" }, panel.title);
  const every = Math.max(1, Math.ceil((ax.ticks.length * size * 1.5) / Math.max(plotH, 1)));  // a short panel: fewer
  for (const [v, t] of ax.ticks.filter((_, i) => i % every === 0)) {
    const y = yOf(v);
    add("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: "#e3e3e3", "stroke-width": 1 });
    add("text", { x: left - size * 0.45, y: y + size * 0.35, "text-anchor": "end", "font-size": size, fill: "#222", class: "bal-lc-ytick" }, t);
  }
  const shaded = (spec.shade && spec.shade.years) || [];
  for (const yr of shaded) if (yr <= upto) add("rect", { x: xOf(yr - half), y: top, width: Math.max(1, xOf(yr + half) - xOf(yr - half)), height: plotH, fill: "#ececec", class: "bal-lc-shade" });
  for (const yr of yearTicks(years, plotW, size)) {
    const x = xOf(yr);
    add("line", { x1: x, x2: x, y1: top + plotH, y2: top + plotH + 5, stroke: "#555" });
    add("text", { x, y: top + plotH + size * 1.4, "text-anchor": "middle", "font-size": size, fill: "#222", class: "bal-lc-xtick" }, String(yr));
  }
  add("line", { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, stroke: "#555", "stroke-width": 1 });
  if (panel.hline !== null && panel.hline !== undefined) {
    const y = yOf(panel.hline);
    add("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: "#888", "stroke-dasharray": "2 3", "stroke-width": 1 });
  }
  for (const m of marks) {
    const x = xOf(m.x);
    add("line", { x1: x, x2: x, y1: top, y2: top + plotH, stroke: "#7a4fa0", "stroke-dasharray": "2 3", "stroke-width": 1 });
  }
  const shown = years.filter((y) => y <= upto);
  const slot = (plotW / (xHi - xLo)) * 2 * half;
  const { rects, tops } = barRects(panel, shown, xOf, yOf, slot);
  if (rects.length) {
    const bars = add("g", { class: "bal-lc-bars" });
    for (const r of rects) el("rect", { x: r.x.toFixed(1), y: r.y.toFixed(1), width: r.w.toFixed(1), height: r.h.toFixed(1), fill: r.color, "data-year": r.year, "data-code": r.code }, bars, true);
    if (ax.lo < 0 && ax.hi > 0) add("line", { x1: left, x2: left + plotW, y1: yOf(0), y2: yOf(0), stroke: "#555", "stroke-width": 1 });
    const lsize = Math.round(size * (slot < size * 2.2 ? 0.72 : 0.85));
    const placed = [];  // a label that would touch one already written is left out (its value is in the hover)
    for (const r of rects) {
      if (!r.label) continue;
      const x = xOf(r.year), y = tops.get(r.year) - 4, half = textWidth(r.label, lsize) / 2 + 1;
      const box = [x - half, y - lsize * 0.88, x + half, y + lsize * 0.12];
      if (placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      placed.push(box);
      add("text", { x, y, "text-anchor": "middle", "font-size": lsize, fill: r.labelColor, class: "bal-lc-blabel" }, r.label);
    }
  }
  for (const ln of panel.lines || []) {
    const at = new Map(ln.x.map((x, i) => [x, ln.y[i]]));
    let d = "", prev = null;
    for (const yr of shown) {  // a year of the chart the line lacks breaks it: never interpolated
      const v = at.has(yr) ? at.get(yr) : null;
      if (v === null) { prev = null; continue; }
      d += `${prev === null ? "M" : "L"}${xOf(yr).toFixed(1)},${yOf(v).toFixed(1)}`;
      prev = v;
    }
    const lw = ln.width * size / 13;
    add("path", { d, fill: "none", stroke: ln.color, "stroke-width": lw, "stroke-dasharray": dashArray(ln.dash, lw), "stroke-linejoin": "round", class: "bal-lc-line", "data-code": ln.code });
    const r = (years.length > 15 ? 2.4 : 3.4) * size / 13;
    const open = new Set(ln.open || []);
    const dots = add("g", { class: "bal-lc-dots", fill: ln.color, "data-code": ln.code });
    for (const yr of shown) {
      const v = at.has(yr) ? at.get(yr) : null;
      if (v === null) continue;
      const c = el("circle", { cx: xOf(yr).toFixed(1), cy: yOf(v).toFixed(1), r: r.toFixed(1), "data-year": yr, "data-value": v }, dots, true);
      if (open.has(yr)) { c.setAttribute("fill", "#fff"); c.setAttribute("stroke", ln.color); c.setAttribute("stroke-width", 1.5); }
      const label = ln.labels ? ln.labels[ln.x.indexOf(yr)] : "";
      if (label) add("text", { x: xOf(yr), y: yOf(v) - r - 5, "text-anchor": "middle", "font-size": Math.round(size * 0.85), fill: ln.color, class: "bal-lc-plabel" }, label);
    }
  }
  for (const f of panel.quoted || []) {
    if (f.x > upto + 0.5) continue;
    const x = xOf(f.x), y = yOf(f.y), s = size * 0.55;
    add("path", { d: `M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`, fill: "#fff", stroke: f.color, "stroke-width": 2, class: "bal-lc-quoted" });
    add("text", { x, y: y - s - 4, "text-anchor": "middle", "font-size": Math.round(size * 0.8), fill: "#333" }, f.label);
  }
  return { xOf, yOf, left, top, plotW, plotH };
}

// Draws every panel (in `spec.cols` columns) into `g`, `w` × `h` px, showing the years up to `upto`, with
// the events' numbered badges above the top row; returns each panel's scales for hover.
function drawPlot(g, spec, upto, w, h, size) {
  g.innerHTML = "";
  const years = spec.years, panels = panelsOf(spec), cols = Math.max(1, Math.min(spec.cols || 1, panels.length));
  const nRows = Math.ceil(panels.length / cols), colW = w / cols;
  const badge = Math.round(size * 0.8), badgeH = badge + 8;
  const marks = spec.events.filter((m) => m.year <= upto);
  const badged = spec.badges === false ? [] : spec.events;  // no badges: dotted lines, the events in hover
  const add = (tag, attrs, text) => { const n = el(tag, attrs, g, true); if (text !== undefined) n.textContent = text; return n; };
  add("rect", { x: 0, y: 0, width: w, height: h, fill: "#ffffff", class: "bal-lc-bg" });
  const tickW = Math.max(0, ...panels.flatMap((p) => p.axis.ticks.map(([, t]) => textWidth(t, size))));
  const left = Math.ceil(Math.max(tickW, cols === 1 ? textWidth(spec.unit, size) * 0.6 : 0) + size * 0.9);
  const plotW = Math.max(40, colW - left - size * 1.2);
  const half = halfStep(years), xLo = years[0] - half, xHi = years[years.length - 1] + half;
  const xOf0 = (x) => left + ((x - xLo) / (xHi - xLo)) * plotW;
  const widths = badged.map((m) => textWidth(String(m.number), badge) + 8);
  const rows = badgeRows(badged, xOf0, widths);
  const nBadgeRows = badged.length ? Math.max(...rows) + 1 : 0;
  const head = Math.round((spec.unit ? size * 1.7 : size * 0.6) + nBadgeRows * (badgeH + 3));
  const titleH = panels.some((p) => p.title) ? Math.round(size * 1.6) : 0;
  const bottom = Math.round(size * 2.0), gap = nRows > 1 ? Math.round(size * 0.6) : 0;
  const plotH = Math.max(30, (h - head - nRows * (titleH + bottom) - (nRows - 1) * gap) / nRows);
  if (spec.unit) add("text", { x: 2, y: size * 1.05, "font-size": size, fill: "#333", class: "bal-lc-unit" }, spec.unit);
  const scales = panels.map((panel, k) => {
    const r = Math.floor(k / cols), c = k % cols;
    const box = { add, left: c * colW + left, plotW, top: head + titleH + r * (titleH + plotH + bottom + gap), plotH };
    return drawPanel(g, spec, panel, upto, box, size, marks);
  });
  badged.forEach((m, i) => {  // the badges over the top row's panels
    if (m.year > upto) return;
    for (let c = 0; c < Math.min(cols, panels.length); c++) {
      const x = scales[c].xOf(m.x);
      const by = (spec.unit ? size * 1.5 : size * 0.3) + rows[i] * (badgeH + 3);
      const b = add("g", { class: "bal-lc-badge", "data-year": m.year });
      el("rect", { x: x - widths[i] / 2, y: by, width: widths[i], height: badgeH, rx: 3, fill: "#ffffffee", stroke: "#7a4fa0" }, b, true);
      el("text", { x, y: by + badgeH - 5, "text-anchor": "middle", "font-size": badge, fill: "#333" }, b, true).textContent = String(m.number);
      el("title", {}, b, true).textContent = `${m.year}\n${m.items.join("\n")}`;
    }
  });
  return { panels: scales, left: scales[0].left, top: scales[0].top, plotW, plotH, xOf: scales[0].xOf };
}

function sizes(spec, scale) {
  return spec.presenter ? 19 * scale : 12;
}

function hoverHtml(spec, yr) {
  const L = spec.labels, panels = panelsOf(spec);
  const row = (p, name, color, text) => `<div><i style="background:${esc(color)}"></i>${esc(panels.length > 1 && p.title ? `${p.title} · ` : "")}${esc(name)}: <b>${esc(text)}</b></div>`;
  const rows = panels.map((p) => [...(p.lines || []), ...(p.bars || [])].map((s) => {
    const i = s.x.indexOf(yr);
    if (i < 0 || s.y[i] === null) return "";
    return row(p, s.name, (s.colors && s.colors[i]) || s.color, s.text[i]);
  }).join("")).join("");
  const quoted = spec.quoted.filter((f) => Math.round(f.x) === yr).map((f) => `<div class="q">◇ ${esc(f.hover)}</div>`).join("");
  const shade = spec.shade && spec.shade.years.includes(yr) ? `<div class="ev">${esc(spec.shade.label)}</div>` : "";
  const ev = spec.events.filter((m) => m.year === yr).map((m) => m.items.map((t) => `<div class="ev">${m.number} · ${esc(t)}</div>`).join("")).join("");
  return `<div class="yr">${esc(L.year_text.replace("{y}", yr))}</div>${rows || esc(L.no_data)}${shade}${quoted}${ev}`;
}

// The last year drawn: the revealed year when presenting (a chart that follows another's reveal too).
function uptoOf(spec, st) {
  return spec.reveal || spec.follow ? st.year : spec.years[spec.years.length - 1];
}

function render(ui, spec, st) {
  const last = spec.years[spec.years.length - 1];
  const upto = uptoOf(spec, st);
  const scale = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--bal-scale")) || 1;
  const w = Math.max(200, Math.floor(ui.stage.clientWidth || 600)), h = Math.floor(ui.stage.clientHeight || spec.height);
  ui.svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  ui.svg.setAttribute("width", w); ui.svg.setAttribute("height", h);
  st.scales = drawPlot(ui.svg, spec, upto, w, h, sizes(spec, scale));
  ui.subtitle.textContent = subtitle(spec, upto);
  if (spec.reveal) {
    ui.range.value = String(spec.years.indexOf(st.year));
    ui.yearLabel.textContent = spec.labels.year_text.replace("{y}", st.year);
    ui.prev.disabled = st.year <= spec.years[0];
    ui.next.disabled = st.year >= last;
  }
}

function subtitle(spec, upto) {
  const last = spec.years[spec.years.length - 1];
  return upto < last ? `${spec.subtitle} · ${spec.labels.until.replace("{year}", upto)}` : spec.subtitle;
}

// The panel under the pointer (or the nearest one: a pointer between panels still reads a year).
function panelAt(s, px, py) {
  const d = (p) => Math.max(0, p.left - px, px - p.left - p.plotW) * 4 + Math.max(0, p.top - py, py - p.top - p.plotH);
  return s.panels.reduce((a, b) => (d(b) < d(a) ? b : a));
}

function wireHover(ui, spec, st) {
  let guide = null;
  const hide = () => { ui.tip.hidden = true; if (guide) { guide.remove(); guide = null; } };
  ui.svg.onmouseleave = hide;
  ui.svg.onmousemove = (e) => {
    if (!st.scales) return;
    const r = ui.svg.getBoundingClientRect();
    const px = e.clientX - r.left, py = e.clientY - r.top;
    const s = panelAt(st.scales, px, py);
    const upto = uptoOf(spec, st);
    const shown = spec.years.filter((y) => y <= upto);
    if (px < s.left - 10 || px > s.left + s.plotW + 10 || !shown.length) return hide();
    const badge = e.target.closest && e.target.closest(".bal-lc-badge");  // a badge: its own year's events
    const yr = badge ? Number(badge.dataset.year)
      : shown.reduce((a, b) => (Math.abs(s.xOf(b) - px) < Math.abs(s.xOf(a) - px) ? b : a));
    if (!guide) guide = el("line", { class: "bal-lc-guide", stroke: "#444", "stroke-width": 1, "pointer-events": "none" }, ui.svg, true);
    const x = s.xOf(yr);
    for (const [k, v] of [["x1", x], ["x2", x], ["y1", s.top], ["y2", s.top + s.plotH]]) guide.setAttribute(k, v);
    ui.tip.innerHTML = hoverHtml(spec, yr);
    ui.tip.hidden = false;
    const tw = ui.tip.offsetWidth;
    ui.tip.style.left = `${x + 14 + tw > r.width ? Math.max(0, x - 14 - tw) : x + 14}px`;
    ui.tip.style.top = `${Math.max(0, py - 10)}px`;
  };
}

// The exported image (kit.js `exportImage`): title, subtitle, legend, the panels, note and source.
function exportSvg(spec, st) {
  const upto = uptoOf(spec, st);
  const nRows = Math.ceil(panelsOf(spec).length / Math.max(1, spec.cols || 1));
  return exportImage({ title: spec.title, subtitle: subtitle(spec, upto), note: spec.note, source: spec.source },
    legendEntries(spec), Math.max(560, 300 * nRows), (g, w, h, size) => drawPlot(g, spec, upto, w, h, size));
}

function fileName(spec, st, ext) {
  const last = spec.years[spec.years.length - 1];
  return `${spec.filename}${uptoOf(spec, st) < last ? `_${st.year}` : ""}.${ext}`;
}

function exportPng(spec, st) {
  downloadPng(fileName(spec, st, "png"), exportSvg(spec, st));
}

// ?year= is the browser's (as the map's: the same window.__balOwn protocol of kit.js, so either
// component's history hook keeps it): absent = the last year. Streamlit's frontend rewrites the
// address from its last server message; the hook puts the chart's key back into any address it writes.
function writeUrl(spec, st) {
  const path = window.location.pathname;
  if (!spec.reveal) {  // no reveal (not presenting): the chart asserts nothing
    if (window.__balOwn && window.__balOwn.path === path) window.__balOwn = null;
    return;
  }
  keepOwnKeys();
  const last = spec.years[spec.years.length - 1];
  window.__balOwn = { path, keys: { year: st.year === last ? null : String(st.year) } };
  const href = withKeys(window.location.href, window.__balOwn);
  if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
}

// Presenter mode: the chart fills the screen below its own top edge (never shorter than 320 px).
function fitToScreen(ui, redraw) {
  const fit = () => {
    if (!ui.box.isConnected) return;
    const scroller = document.querySelector('[data-testid="stMain"]');
    const top = ui.box.getBoundingClientRect().top + (scroller ? scroller.scrollTop : window.scrollY);
    const chrome = ui.box.offsetHeight - ui.stage.offsetHeight;
    const h = Math.max(320, Math.floor(window.innerHeight - Math.max(top, 0) - chrome - 12));
    if (ui.box.style.getPropertyValue("--lc-h") !== `${h}px`) { ui.box.style.setProperty("--lc-h", `${h}px`); redraw(); }
  };
  requestAnimationFrame(fit);
  for (const ms of [250, 800, 2000]) setTimeout(fit, ms);
  return fit;
}

function wire(ui, spec, st) {
  const show = (year) => {
    st.year = year; render(ui, spec, st);
    window.dispatchEvent(new CustomEvent("bal-lc-year", { detail: { year, key: spec.key } }));  // followers
  };
  const stop = () => {
    if (!st.timer) return;
    clearInterval(st.timer); st.timer = null;
    ui.play.textContent = `▶ ${spec.labels.play}`;
    writeUrl(spec, st);
  };
  st.stop = stop;
  ui.png.onclick = () => exportPng(spec, st);
  ui.svgBtn.onclick = () => download(fileName(spec, st, "svg"), new Blob([exportSvg(spec, st)], { type: "image/svg+xml" }));
  wireHover(ui, spec, st);
  if (!spec.reveal) return;
  const step = (by) => {
    stop();
    const k = Math.min(Math.max(spec.years.indexOf(st.year) + by, 0), spec.years.length - 1);
    show(spec.years[k]); writeUrl(spec, st);
  };
  ui.prev.onclick = () => step(-1);
  ui.next.onclick = () => step(1);
  ui.play.onclick = () => {
    if (st.timer) return stop();
    let i = spec.years.indexOf(st.year);
    if (i >= spec.years.length - 1) i = -1;  // from the first year after the last
    show(spec.years[i + 1]); writeUrl(spec, st);
    if (i + 1 >= spec.years.length - 1) return;
    ui.play.textContent = `❚❚ ${spec.labels.pause}`;
    st.timer = setInterval(() => {
      const k = spec.years.indexOf(st.year) + 1;
      show(spec.years[k]); writeUrl(spec, st);
      if (k >= spec.years.length - 1) stop();
    }, spec.step_ms);
  };
  ui.range.oninput = () => { stop(); show(spec.years[Number(ui.range.value)]); };
  ui.range.onchange = () => writeUrl(spec, st);
  ui.box.onkeydown = (e) => {
    if (e.target === ui.range) return;
    if (e.key === "ArrowRight") step(1);
    if (e.key === "ArrowLeft") step(-1);
  };
}

export default function (component) {
  const { data: spec, parentElement } = component;
  if (!spec || !spec.years || !spec.years.length) return;
  let st = parentElement.__balLc;
  if (st && st.stop) st.stop();
  if (!st || st.key !== spec.key || st.reveal !== spec.reveal) {
    if (st && st.follower) { window.removeEventListener("bal-lc-year", st.follower); st.follower = null; }
    const keep = st && spec.years.includes(st.year) ? st.year : null;
    st = { key: spec.key, reveal: spec.reveal, ui: skeleton(parentElement, spec), year: keep ?? spec.year };
    parentElement.__balLc = st;
  }
  if (!spec.years.includes(st.year)) st.year = spec.year ?? spec.years[spec.years.length - 1];
  const ui = st.ui;
  ui.title.textContent = spec.title;
  ui.legend.innerHTML = legendHtml(spec);
  ui.source.textContent = [spec.note, spec.source].filter(Boolean).join(" · ");
  ui.source.title = ui.source.textContent;
  ui.source.onclick = () => ui.source.classList.toggle("open");
  ui.svg.setAttribute("aria-label", spec.title);
  ui.box.style.setProperty("--lc-h", `${spec.height}px`);
  ui.box.style.setProperty("--lc-rows", String(Math.ceil(panelsOf(spec).length / Math.max(1, spec.cols || 1))));
  wire(ui, spec, st);
  const redraw = () => render(ui, spec, st);
  if (spec.follow && !st.follower) {  // a chart below the presenter's revealed one: its year, its steps
    st.follower = (e) => {
      const s = st.spec, ok = s.years.filter((y) => y <= e.detail.year);
      st.year = ok.length ? ok[ok.length - 1] : s.years[0];
      render(st.ui, s, st);
    };
    window.addEventListener("bal-lc-year", st.follower);
  }
  redraw();
  writeUrl(spec, st);
  if (spec.presenter) st.fit = fitToScreen(ui, redraw);
  if (!st.observer && window.ResizeObserver) {
    let width = ui.stage.clientWidth;
    st.observer = new ResizeObserver(() => {
      if (ui.stage.clientWidth !== width) { width = ui.stage.clientWidth; requestAnimationFrame(() => render(ui, st.spec, st)); }
      if (st.fit) requestAnimationFrame(st.fit);
    });
    st.observer.observe(ui.box);
  }
  st.spec = spec;
  ui.box.dataset.ready = "1";
  return () => {
    if (st.timer) { clearInterval(st.timer); st.timer = null; }
    if (st.follower) { window.removeEventListener("bal-lc-year", st.follower); st.follower = null; }
  };
}
