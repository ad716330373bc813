// 균형 bar chart: horizontal bars, one row per category (an indicator, a domain), drawn as SVG in the page
// (st.components.v2), no plotly. Python sends one view (ui/barchart.py): every row's label, bars (value,
// the value as shown, colour), hover text and link, the value axis, the reference line (전국 = 100, 50%)
// and the texts. Each label sits on its own line above its bars, so the bars keep the full width on a
// phone; the reference line runs across the bars only. A click on a row with a link opens it.

function skeleton(parent, spec) {
  for (const n of Array.from(parent.children)) if (n.classList && n.classList.contains("bal-lc")) n.remove();
  const box = el("div", { class: "bal-lc bal-bc" + (spec.presenter ? " presenter" : "") + (spec.slide ? " slide" : ""), tabindex: "-1" }, parent);
  const head = el("div", { class: "bal-lc-head" }, box);
  const ui = { box, title: el("div", { class: "bal-lc-title" }, head), subtitle: el("div", { class: "bal-lc-subtitle" }, head) };
  const bar = el("div", { class: "bal-lc-bar", role: "toolbar" }, box);
  ui.legend = el("div", { class: "bal-lc-legend" }, bar);
  el("span", { class: "bal-lc-fill" }, bar);
  const button = (cls, text, help) => { const b = el("button", { class: `bal-lc-btn ${cls}`, type: "button", title: help || "" }, bar); b.textContent = text; return b; };
  ui.png = button("bal-lc-png", "PNG", spec.labels.png);
  ui.svgBtn = button("bal-lc-svgx", "SVG", spec.labels.svg);
  ui.stage = el("div", { class: "bal-lc-stage bal-bc-stage" }, box);
  ui.svg = el("svg", { class: "bal-lc-svg", role: "img" }, ui.stage, true);
  ui.tip = el("div", { class: "bal-lc-tip", hidden: "" }, ui.stage);
  ui.source = el("div", { class: "bal-lc-source" }, box);
  return ui;
}

function legendEntries(spec) {
  return (spec.series || []).map((s) => ({ kind: "bar", name: s.name, color: s.color }));
}

// Row geometry at type size `size`: the label line, then each bar of the row, then a gap.
function rowMetrics(spec, size) {
  const barH = Math.round(size * (spec.presenter ? 1.25 : 1.15));
  const k = Math.max(1, ...spec.rows.map((r) => r.bars.length));
  return { labelH: Math.round(size * 1.45), barH, rowH: Math.round(size * 1.45) + k * (barH + 2) + Math.round(size * 0.8) };
}

function plotHeight(spec, size) {
  const m = rowMetrics(spec, size);
  return Math.round(size * (spec.ref && spec.ref.label ? 1.6 : 0.4)) + spec.rows.length * m.rowH + Math.round(size * 2.6);
}

// Draws the rows into `g`, `w` × `h` px; returns each row's band (for hover and clicks).
function drawBars(g, spec, w, h, size) {
  g.innerHTML = "";
  const add = (tag, attrs, text, parent = g) => { const n = el(tag, attrs, parent, true); if (text !== undefined) n.textContent = text; return n; };
  add("rect", { x: 0, y: 0, width: w, height: h, fill: "#ffffff", class: "bal-lc-bg" });
  const ax = spec.axis, m = rowMetrics(spec, size);
  const vsize = Math.round(size * 0.95);
  // room for what is written beyond the bars: a value text right of its bar (left of it below the base) and
  // half of the end ticks' labels, which are centred on the axis' ends
  const texts = (below) => spec.rows.flatMap((r) => r.bars.filter((b) => b.value !== null && b.value !== undefined
    && (b.value < spec.base) === below).map((b) => textWidth(b.text, vsize) + size * 0.3));
  const tick = (i) => (ax.ticks.length ? textWidth(ax.ticks.at(i)[1], size * 0.9) / 2 + 1 : 0);
  const textRoom = Math.max(tick(-1), Math.max(0, ...texts(false)) + size * 0.3);
  const left = Math.max(4, tick(0), ...texts(true).map((t) => t + 2)), plotW = Math.max(60, w - left - textRoom);
  const xOf = (v) => left + ((v - ax.lo) / (ax.hi - ax.lo)) * plotW;
  const top = Math.round(size * (spec.ref && spec.ref.label ? 1.6 : 0.4));
  const bottom = top + spec.rows.length * m.rowH;
  if (spec.ref && spec.ref.label) add("text", { x: xOf(spec.ref.value), y: size * 1.05, "text-anchor": "middle", "font-size": size * 0.9, fill: "#333", class: "bal-bc-reflabel" }, spec.ref.label);
  const bands = [], later = [];  // value texts last: over the reference line
  spec.rows.forEach((r, i) => {
    const y0 = top + i * m.rowH;
    const row = add("g", { class: "bal-bc-row" + (r.href ? " link" : ""), "data-code": r.code });
    add("text", { x: left, y: y0 + m.labelH - size * 0.4, "font-size": size, fill: "#111", class: "bal-bc-label" }, r.label, row);
    r.bars.forEach((b, j) => {
      const y = y0 + m.labelH + j * (m.barH + 2);
      if (b.value === null || b.value === undefined) {
        add("text", { x: xOf(spec.base), y: y + m.barH * 0.78, "font-size": vsize, fill: "#666" }, b.text, row);
        return;
      }
      const x0 = xOf(Math.min(spec.base, b.value)), x1 = xOf(Math.max(spec.base, b.value));
      add("rect", { x: x0.toFixed(1), y, width: Math.max(1, x1 - x0).toFixed(1), height: m.barH, fill: b.color, class: "bal-bc-bar", "data-value": b.value }, undefined, row);
      const outside = b.value >= spec.base;
      later.push(() => add("text", { x: outside ? x1 + size * 0.3 : x0 - size * 0.3, y: y + m.barH * 0.78, "text-anchor": outside ? "start" : "end", "font-size": vsize, fill: "#222", class: "bal-bc-value", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, b.text, row));
    });
    bands.push({ y0, y1: y0 + m.rowH, row: r });
  });
  if (spec.ref) {  // across each row's bars, never through a label
    const x = xOf(spec.ref.value);
    spec.rows.forEach((r, i) => {
      const y = top + i * m.rowH + m.labelH - 2;
      add("line", { x1: x, x2: x, y1: y, y2: y + r.bars.length * (m.barH + 2) + 4, stroke: "#333", "stroke-dasharray": "2 3", "stroke-width": 1.2, class: "bal-bc-ref" });
    });
  }
  for (const draw of later) draw();
  add("line", { x1: left, x2: left + plotW, y1: bottom, y2: bottom, stroke: "#555" });
  for (const [v, t] of ax.ticks) {
    const x = xOf(v);
    add("line", { x1: x, x2: x, y1: bottom, y2: bottom + 5, stroke: "#555" });
    add("text", { x, y: bottom + size * 1.3, "text-anchor": "middle", "font-size": size * 0.9, fill: "#222", class: "bal-bc-tick" }, t);
  }
  if (spec.unit) add("text", { x: left + plotW, y: bottom + size * 2.4, "text-anchor": "end", "font-size": size * 0.9, fill: "#333" }, spec.unit);
  return bands;
}

function sizeOf(spec) {
  const scale = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--bal-scale")) || 1;
  return spec.presenter ? 17 * scale : 12.5;
}

function render(ui, spec, st) {
  const size = sizeOf(spec);
  const w = Math.max(200, Math.floor(ui.stage.clientWidth || 600)), h = plotHeight(spec, size);
  ui.stage.style.height = `${h}px`;
  ui.svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  ui.svg.setAttribute("width", w); ui.svg.setAttribute("height", h);
  st.bands = drawBars(ui.svg, spec, w, h, size);
}

function wire(ui, spec, st) {
  const at = (e) => {
    const r = ui.svg.getBoundingClientRect(), y = e.clientY - r.top;
    return (st.bands || []).find((b) => y >= b.y0 && y < b.y1);
  };
  ui.svg.onmouseleave = () => { ui.tip.hidden = true; };
  ui.svg.onmousemove = (e) => {
    const band = at(e);
    if (!band) { ui.tip.hidden = true; return; }
    const r = ui.svg.getBoundingClientRect();
    ui.tip.innerHTML = band.row.hover.split("\n").map((l, i) => (i ? `<div>${esc(l)}</div>` : `<div class="yr">${esc(l)}</div>`)).join("");
    ui.tip.hidden = false;
    const tw = ui.tip.offsetWidth, x = e.clientX - r.left;
    ui.tip.style.left = `${x + 14 + tw > r.width ? Math.max(0, x - 14 - tw) : x + 14}px`;
    ui.tip.style.top = `${Math.max(0, e.clientY - r.top + 12)}px`;
  };
  ui.svg.onclick = (e) => {
    const band = at(e);
    if (band && band.row.href) window.location.assign(band.row.href);
  };
  const image = () => exportImage({ title: spec.title, subtitle: spec.subtitle, note: spec.note, source: spec.source },
    legendEntries(spec), plotHeight(spec, 16), (g, w, h, size) => drawBars(g, spec, w, h, size));
  ui.png.onclick = () => downloadPng(`${spec.filename}.png`, image());
  ui.svgBtn.onclick = () => download(`${spec.filename}.svg`, new Blob([image()], { type: "image/svg+xml" }));
}

export default function (component) {
  const { data: spec, parentElement } = component;
  if (!spec || !spec.rows) return;
  let st = parentElement.__balBc;
  if (!st || st.key !== spec.key) {
    st = { key: spec.key, ui: skeleton(parentElement, spec) };
    parentElement.__balBc = st;
  }
  const ui = st.ui;
  st.spec = spec;
  ui.title.textContent = spec.title;
  ui.subtitle.textContent = spec.subtitle;
  ui.legend.innerHTML = legendEntries(spec).map((e) => `<span class="bal-lc-item"><svg width="14" height="14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" fill="${esc(e.color)}"/></svg>${esc(e.name)}</span>`).join("");
  ui.source.textContent = [spec.note, spec.source].filter(Boolean).join(" · ");
  ui.source.title = ui.source.textContent;
  ui.source.onclick = () => ui.source.classList.toggle("open");
  ui.svg.setAttribute("aria-label", spec.title);
  wire(ui, spec, st);
  render(ui, spec, st);
  if (!st.observer && window.ResizeObserver) {
    let width = ui.stage.clientWidth;
    st.observer = new ResizeObserver(() => {
      if (ui.stage.clientWidth !== width) { width = ui.stage.clientWidth; requestAnimationFrame(() => render(ui, st.spec, st)); }
    });
    st.observer.observe(ui.box);
  }
  ui.box.dataset.ready = "1";
}
