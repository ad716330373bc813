// 균형 trend chart: lines over the years drawn as SVG in the page (st.components.v2), no plotly, no CDN.
// Python sends one view (ui/linechart.py): every line's values and texts at every year, the value axis,
// policy events, quoted figures, title, subtitle and source. Hover, exports and, in presenter mode, the
// year reveal happen here; a revealed year goes to the URL (?year=) with no server run.
const FONT = "'Noto Sans CJK KR','Noto Sans KR',sans-serif";

function el(tag, attrs = {}, parent = null, ns = false) {
  const node = ns ? document.createElementNS(NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function skeleton(parent, spec) {
  for (const n of Array.from(parent.children)) if (n.classList && n.classList.contains("bal-lc")) n.remove();
  const box = el("div", { class: "bal-lc" + (spec.presenter ? " presenter" : ""), tabindex: "-1" }, parent);
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

function dashArray(dash, w) {
  return dash === "dash" ? `${3 * w + 2} ${2 * w + 1}` : dash === "dot" ? `${w} ${1.5 * w}` : "none";
}

function legendHtml(spec) {
  const items = spec.lines.map((ln) => `<span class="bal-lc-item"><svg width="28" height="12" aria-hidden="true"><line x1="1" y1="6" x2="27" y2="6" stroke="${esc(ln.color)}" stroke-width="${Math.min(ln.width, 3)}" stroke-dasharray="${dashArray(ln.dash, 2)}"/></svg>${esc(ln.name)}</span>`);
  if (spec.quoted.length) items.push(`<span class="bal-lc-item"><svg width="16" height="14" aria-hidden="true"><path d="M8 1 L15 7 L8 13 L1 7 Z" fill="none" stroke="#333" stroke-width="2"/></svg>${esc(spec.quoted[0].legend)}</span>`);
  return items.join("");
}

let measureCtx = null;
function textWidth(s, size, weight = "400") {
  if (!measureCtx) measureCtx = document.createElement("canvas").getContext("2d");
  measureCtx.font = `${weight} ${size}px ${FONT}`;
  return measureCtx.measureText(String(s)).width;
}

// lines no wider than `width` (SVG text never wraps); a word wider than a line breaks between characters
function wrapText(content, size, width, weight = "400") {
  const lines = [];
  for (const para of String(content ?? "").split("\n")) {
    let line = "";
    for (const word of para.split(/(?<=[ ;|·,])/)) {
      if (textWidth(line + word, size, weight) <= width) { line += word; continue; }
      if (line.trim()) lines.push(line.trimEnd());
      line = "";
      for (const ch of word.trimStart()) {
        if (textWidth(line + ch, size, weight) > width && line) { lines.push(line); line = ""; }
        line += ch;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines;
}

function yearStep(years, plotW, size) {
  const span = years[years.length - 1] - years[0];
  const room = Math.max(1, Math.floor(plotW / (textWidth("2024", size) + size * 1.2)));
  return [1, 2, 5, 10, 20, 25, 50].find((s) => span / s + 1 <= room) || 50;
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

// Draws the plot (axes, reference line, events, lines, markers, quoted figures) into `g`, `w` × `h` px,
// showing the years up to `upto`; returns the scales for hover.
function drawPlot(g, spec, upto, w, h, size) {
  g.innerHTML = "";
  const years = spec.years, ax = spec.axis;
  const badge = Math.round(size * 0.8), badgeH = badge + 8;
  const marks = spec.events.filter((m) => m.year <= upto);
  const tickW = Math.max(0, ...ax.ticks.map(([, t]) => textWidth(t, size)));
  const left = Math.ceil(Math.max(tickW, textWidth(spec.unit, size) * 0.6) + size * 0.9);
  const xLo = years[0] - 0.5, xHi = years[years.length - 1] + 0.5;
  const plotW = Math.max(40, w - left - size * 1.2);
  const xOf = (x) => left + ((x - xLo) / (xHi - xLo)) * plotW;
  const widths = spec.events.map((m) => textWidth(String(m.number), badge) + 8);
  const rows = badgeRows(spec.events, xOf, widths);
  const nRows = spec.events.length ? Math.max(...rows) + 1 : 0;
  const top = Math.round(size * 1.7 + nRows * (badgeH + 3));
  const bottom = Math.round(size * 2.0);
  const plotH = Math.max(40, h - top - bottom);
  const yOf = (v) => top + (1 - (v - ax.lo) / (ax.hi - ax.lo)) * plotH;
  const add = (tag, attrs, text) => { const n = el(tag, attrs, g, true); if (text !== undefined) n.textContent = text; return n; };
  add("rect", { x: 0, y: 0, width: w, height: h, fill: "#ffffff", class: "bal-lc-bg" });
  for (const [v, t] of ax.ticks) {
    const y = yOf(v);
    add("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: "#e3e3e3", "stroke-width": 1 });
    add("text", { x: left - size * 0.45, y: y + size * 0.35, "text-anchor": "end", "font-size": size, fill: "#222", class: "bal-lc-ytick" }, t);
  }
  add("text", { x: 2, y: size * 1.05, "font-size": size, fill: "#333", class: "bal-lc-unit" }, spec.unit);
  const step = yearStep(years, plotW, size);
  for (let yr = years[0]; yr <= years[years.length - 1]; yr += step) {
    const x = xOf(yr);
    add("line", { x1: x, x2: x, y1: top + plotH, y2: top + plotH + 5, stroke: "#555" });
    add("text", { x, y: top + plotH + size * 1.4, "text-anchor": "middle", "font-size": size, fill: "#222", class: "bal-lc-xtick" }, String(yr));
  }
  add("line", { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, stroke: "#555", "stroke-width": 1 });
  if (spec.hline !== null && spec.hline !== undefined) {
    const y = yOf(spec.hline);
    add("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: "#888", "stroke-dasharray": "2 3", "stroke-width": 1 });
  }
  spec.events.forEach((m, i) => {
    if (m.year > upto) return;
    const x = xOf(m.x);
    add("line", { x1: x, x2: x, y1: top, y2: top + plotH, stroke: "#7a4fa0", "stroke-dasharray": "2 3", "stroke-width": 1 });
    const by = size * 1.5 + rows[i] * (badgeH + 3);
    const b = add("g", { class: "bal-lc-badge", "data-year": m.year });
    el("rect", { x: x - widths[i] / 2, y: by, width: widths[i], height: badgeH, rx: 3, fill: "#ffffffee", stroke: "#7a4fa0" }, b, true);
    el("text", { x, y: by + badgeH - 5, "text-anchor": "middle", "font-size": badge, fill: "#333" }, b, true).textContent = String(m.number);
    el("title", {}, b, true).textContent = `${m.year}\n${m.items.join("\n")}`;
  });
  const shown = years.filter((y) => y <= upto);
  for (const ln of spec.lines) {
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
    const dots = add("g", { class: "bal-lc-dots", fill: ln.color, "data-code": ln.code });
    for (const yr of shown) {
      const v = at.has(yr) ? at.get(yr) : null;
      if (v !== null) el("circle", { cx: xOf(yr).toFixed(1), cy: yOf(v).toFixed(1), r: r.toFixed(1), "data-year": yr, "data-value": v }, dots, true);
    }
  }
  for (const f of spec.quoted) {
    if (f.x > upto + 0.5) continue;
    const x = xOf(f.x), y = yOf(f.y), s = size * 0.55;
    add("path", { d: `M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`, fill: "#fff", stroke: f.color, "stroke-width": 2, class: "bal-lc-quoted" });
    add("text", { x, y: y - s - 4, "text-anchor": "middle", "font-size": Math.round(size * 0.8), fill: "#333" }, f.label);
  }
  return { xOf, yOf, left, top, plotW, plotH };
}

function sizes(spec, scale) {
  return spec.presenter ? 19 * scale : 12;
}

function hoverHtml(spec, yr) {
  const L = spec.labels;
  const rows = spec.lines.map((ln) => {
    const i = ln.x.indexOf(yr);
    if (i < 0 || ln.y[i] === null) return "";
    return `<div><i style="background:${esc(ln.color)}"></i>${esc(ln.name)}: <b>${esc(ln.text[i])}</b></div>`;
  }).join("");
  const quoted = spec.quoted.filter((f) => Math.round(f.x) === yr).map((f) => `<div class="q">◇ ${esc(f.hover)}</div>`).join("");
  const ev = spec.events.filter((m) => m.year === yr).map((m) => m.items.map((t) => `<div class="ev">${m.number} · ${esc(t)}</div>`).join("")).join("");
  return `<div class="yr">${esc(L.year_text.replace("{y}", yr))}</div>${rows || esc(L.no_data)}${quoted}${ev}`;
}

function render(ui, spec, st) {
  const last = spec.years[spec.years.length - 1];
  const upto = spec.reveal ? st.year : last;
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

function wireHover(ui, spec, st) {
  let guide = null;
  const hide = () => { ui.tip.hidden = true; if (guide) { guide.remove(); guide = null; } };
  ui.svg.onmouseleave = hide;
  ui.svg.onmousemove = (e) => {
    const s = st.scales;
    if (!s) return;
    const r = ui.svg.getBoundingClientRect();
    const px = e.clientX - r.left;
    const upto = spec.reveal ? st.year : spec.years[spec.years.length - 1];
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
    ui.tip.style.top = `${Math.max(0, e.clientY - r.top - 10)}px`;
  };
}

// The exported image: title, subtitle, legend, the plot, then note and source, wrapped to the width.
function exportSvg(spec, st) {
  const w = 1200, pad = 28, textW = w - 2 * pad, size = 16;
  const upto = spec.reveal ? st.year : spec.years[spec.years.length - 1];
  const title = wrapText(spec.title, 28, textW, "700"), sub = wrapText(subtitle(spec, upto), 19, textW);
  const foot = [...wrapText(spec.note || "", 14, textW).map((l) => [l, 14, "#555", "bal-x-note"]),
    ...wrapText(spec.source, 15, textW).map((l) => [l, 15, "#333", "bal-x-source"])];
  const entries = spec.lines.map((ln) => [ln, textWidth(ln.name, size) + 44]);
  if (spec.quoted.length) entries.push([{ name: spec.quoted[0].legend, quoted: true }, textWidth(spec.quoted[0].legend, size) + 44]);
  const legendRows = [[]];
  let used = 0;
  for (const [ln, ew] of entries) {
    if (used + ew > textW && legendRows[legendRows.length - 1].length) { legendRows.push([]); used = 0; }
    legendRows[legendRows.length - 1].push([ln, used]); used += ew;
  }
  const plotTop = 16 + 38 * title.length + 28 * sub.length + 26 * legendRows.length + 10, plotH = 560;
  const h = plotTop + plotH + 16 + foot.reduce((a, [, s]) => a + Math.round(s * 1.5), 0) + 16;
  const out = el("svg", { xmlns: NS, width: w, height: h, viewBox: `0 0 ${w} ${h}`, "font-family": FONT }, null, true);
  el("rect", { width: "100%", height: "100%", fill: "#ffffff" }, out, true);
  const text = (x, y, s, content, weight, fill, cls) => { const t = el("text", { x, y, "font-size": s, "font-weight": weight, fill, class: cls }, out, true); t.textContent = content; };
  let y = 16;
  for (const l of title) { y += 38; text(pad, y - 8, 28, l, "700", "#111", "bal-x-title"); }
  for (const l of sub) { y += 28; text(pad, y - 6, 19, l, "400", "#333", "bal-x-subtitle"); }
  for (const row of legendRows) {
    y += 26;
    for (const [ln, x0] of row) {
      if (ln.quoted) el("path", { d: `M${pad + x0 + 14} ${y - 13}l7 7l-7 7l-7 -7Z`, fill: "none", stroke: "#333", "stroke-width": 2 }, out, true);
      else el("line", { x1: pad + x0, x2: pad + x0 + 28, y1: y - 6, y2: y - 6, stroke: ln.color, "stroke-width": Math.min(ln.width, 3), "stroke-dasharray": dashArray(ln.dash, 2) }, out, true);
      text(pad + x0 + 34, y, size, ln.name, "400", "#111", "bal-x-legend");
    }
  }
  const plot = el("g", { transform: `translate(${pad - 6},${plotTop})` }, out, true);
  drawPlot(plot, spec, upto, w - 2 * pad + 12, plotH, size);
  y = plotTop + plotH + 16;
  for (const [l, s, fill, cls] of foot) { y += Math.round(s * 1.5); text(pad, y, s, l, "400", fill, cls); }
  return new XMLSerializer().serializeToString(out);
}

function fileName(spec, st, ext) {
  const last = spec.years[spec.years.length - 1];
  return `${spec.filename}${spec.reveal && st.year < last ? `_${st.year}` : ""}.${ext}`;
}

function exportPng(spec, st) {
  const img = new Image();
  img.onload = () => {
    const c = document.createElement("canvas");
    c.width = img.width * 2; c.height = img.height * 2;
    const ctx = c.getContext("2d");
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    c.toBlob((b) => download(fileName(spec, st, "png"), b), "image/png");
  };
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(exportSvg(spec, st));
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
  const show = (year) => { st.year = year; render(ui, spec, st); };
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
  wire(ui, spec, st);
  const redraw = () => render(ui, spec, st);
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
  return () => { if (st.timer) { clearInterval(st.timer); st.timer = null; } };
}
