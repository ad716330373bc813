// 균형 map: a choropleth drawn as SVG in the page (st.components.v2), no plotly, no CDN, no build step.
// Python sends one view: every year's colours, value texts and ranks for one indicator and level
// (data), and a versioned URL of the geometry (fetched once, cached by the browser). Years, play,
// hover and the 수도권 zoom happen here; the chosen year and zoom go back as state (a fragment rerun
// that only writes them to the URL); a clicked area opens its profile as a link.
const geoCache = new Map(); // geometry URL -> Promise of the parsed payload (one fetch per page load)

function geometry(url) {
  if (!geoCache.has(url)) {
    geoCache.set(url, fetch(url, { cache: "force-cache" }).then((r) => {
      if (!r.ok) throw new Error(`geometry ${r.status}`);
      return r.json();
    }));
  }
  return geoCache.get(url);
}

function skeleton(parent, spec) {
  // our own child: the parent also holds the component's <style>, which must stay
  for (const n of Array.from(parent.children)) if (n.classList && n.classList.contains("bal-map")) n.remove();
  const box = el("div", { class: "bal-map" + (spec.presenter ? " presenter" : "") + (spec.slide ? " slide" : ""), tabindex: "-1" }, parent);
  const head = el("div", { class: "bal-head" }, box);
  const title = el("div", { class: "bal-title" }, head);
  const subtitle = el("div", { class: "bal-subtitle" }, head);
  const bar = el("div", { class: "bal-bar", role: "toolbar" }, box);
  const play = el("button", { class: "bal-btn bal-play", type: "button" }, bar);
  const range = el("input", { class: "bal-range", type: "range", step: "1" }, bar);
  const yearLabel = el("span", { class: "bal-year", "aria-live": "polite" }, bar);
  const zoom = el("span", { class: "bal-zoom" }, bar);
  const zNation = el("button", { class: "bal-btn", type: "button", "data-zoom": "nation" }, zoom);
  const zCapital = el("button", { class: "bal-btn", type: "button", "data-zoom": "capital" }, zoom);
  const exp = el("span", { class: "bal-export" }, bar);
  const png = el("button", { class: "bal-btn", type: "button" }, exp);
  const svgBtn = el("button", { class: "bal-btn", type: "button" }, exp);
  const csvBtn = el("button", { class: "bal-btn bal-csv", type: "button" }, exp);
  const body = el("div", { class: "bal-body" }, box);
  const stage = el("div", { class: "bal-stage" }, body);
  const svg = el("svg", { class: "bal-svg", role: "img", preserveAspectRatio: "xMidYMid meet" }, stage, true);
  const defs = el("defs", {}, svg, true);
  // missing data: grey stripes on white (about 6 px apart on the national view), unlike any class colour
  const hatch = el("pattern", { id: "bal-hatch", width: "110", height: "110", patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" }, defs, true);
  el("rect", { width: "110", height: "110", fill: "#ffffff" }, hatch, true);
  el("line", { x1: "0", y1: "0", x2: "0", y2: "110", stroke: "#7a7a7a", "stroke-width": "36" }, hatch, true);
  const areas = el("g", { class: "bal-areas" }, svg, true);
  const overlays = el("g", { class: "bal-overlays" }, svg, true);
  const outline = el("path", { class: "bal-outline" }, svg, true);
  const tip = el("div", { class: "bal-tip", hidden: "" }, stage);
  const side = el("div", { class: "bal-side" }, body);
  const legend = el("div", { class: "bal-legend" }, box);
  const source = el("div", { class: "bal-source" }, box);
  return { box, title, subtitle, play, range, yearLabel, zNation, zCapital, png, svgBtn, csvBtn, svg, areas, overlays, outline,
    tip, side, legend, source };
}

function legendHtml(spec) {
  const lg = spec.legend;
  const parts = [`<span class="bal-lg-title">${esc(lg.title)}</span>`];
  if (lg.kind === "square") { // bivariate: columns = x terciles (low → high), rows = y terciles (high on top)
    const cells = [];
    for (let yc = 2; yc >= 0; yc--) for (let xc = 0; xc < 3; xc++) {
      const k = 3 * xc + yc;
      cells.push(`<i title="${esc(lg.cell_titles[k])}" style="background:${lg.colors[k]}"></i>`);
    }
    parts.push(`<span class="bal-square"><span class="bal-sq-y">↑ ${esc(lg.y_label)}</span>` +
      `<span class="bal-sq-grid">${cells.join("")}</span><span class="bal-sq-x">${esc(lg.x_label)} →</span></span>`);
  } else if (lg.kind === "classes") {
    for (const [color, label] of lg.items) parts.push(`<span class="bal-lg-item"><i style="background:${color}"></i>${esc(label)}</span>`);
  } else {
    const grad = lg.stops.map(([p, c]) => `${c} ${(p * 100).toFixed(1)}%`).join(",");
    const ticks = lg.ticks.map(([p, t]) => `<b style="left:${(p * 100).toFixed(1)}%">${esc(t)}</b>`).join("");
    parts.push(`<span class="bal-lg-bar"><span class="bal-lg-grad" style="background:linear-gradient(90deg,${grad})"></span>${ticks}</span>`);
  }
  parts.push(`<span class="bal-lg-item"><i class="bal-lg-missing"></i>${esc(spec.missing_label)}</span>`);
  parts.push(`<span class="bal-lg-item"><i class="bal-lg-outline"></i>${esc(spec.outline_label)}</span>`);
  for (const o of spec.overlays || []) {
    parts.push(`<span class="bal-lg-item"><i class="bal-lg-outline" style="border-top:3px ${o.dash ? "dotted" : "solid"} ${o.color} !important"></i>${esc(o.label)}</span>`);
  }
  return parts.join("");
}

function sideTable(ui, spec, year) {
  const y = String(year);
  const order = spec.codes.map((_, i) => i).filter((i) => spec.rank[y][i] !== null)
    .sort((a, b) => spec.rank[y][a] - spec.rank[y][b]);
  const missing = spec.codes.map((_, i) => i).filter((i) => spec.rank[y][i] === null);
  const L = spec.labels;
  const rows = order.concat(missing).map((i) => `<tr data-code="${esc(spec.codes[i])}"${spec.capital[i] ? ' class="cap"' : ""}>` +
    `<td>${spec.rank[y][i] ?? "–"}</td><td>${esc(spec.names[i])}</td><td class="num">${esc(spec.text[y][i] || L.no_data)}</td></tr>`);
  ui.side.innerHTML = `<table><thead><tr><th>${esc(L.rank)}</th><th>${esc(L.region)}</th><th class="num">${esc(L.value)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function apply(ui, spec, st) {
  const y = String(st.year);
  const fills = spec.fill[y] || [];
  for (const [code, node] of st.paths) {
    const i = st.index.get(code);
    const f = i === undefined ? null : fills[i];
    node.setAttribute("fill", f || "url(#bal-hatch)");
    node.classList.toggle("missing", !f);
  }
  ui.subtitle.textContent = spec.subtitle[y] || "";
  ui.yearLabel.textContent = spec.year_text[y] || y;
  ui.range.value = String(spec.years.indexOf(st.year));
  sideTable(ui, spec, st.year);
}

function setZoom(ui, st, geo, zoom) {
  st.zoom = zoom;
  const vb = zoom === "capital" ? geo.capital_box : geo.view_box;
  ui.svg.setAttribute("viewBox", vb.join(" "));
  ui.zNation.setAttribute("aria-pressed", String(zoom !== "capital"));
  ui.zCapital.setAttribute("aria-pressed", String(zoom === "capital"));
}

// Presenter mode: the map fills the screen below its own top edge (legend and source included), so at
// 1280×720 nothing of it sits below the fold; its drawing never shorter than 320 px (a long subtitle or
// source line, two lines each, leaves about 400 px at 1280×720).
// Measured again once the page around it has settled (the elements above it render in the same
// pass), and on every resize of the window or of the box itself.
function fitToScreen(ui) {
  const fit = () => {
    if (!ui.box.isConnected) return;
    const scroller = document.querySelector('[data-testid="stMain"]'); // Streamlit scrolls this, not the window
    const top = ui.box.getBoundingClientRect().top + (scroller ? scroller.scrollTop : window.scrollY);
    const chrome = ui.box.offsetHeight - ui.box.querySelector(".bal-stage").offsetHeight;
    const h = Math.max(320, Math.floor(window.innerHeight - Math.max(top, 0) - chrome - 12));
    if (ui.box.style.getPropertyValue("--bal-h") !== `${h}px`) ui.box.style.setProperty("--bal-h", `${h}px`);
    // the rank table ends on a whole row (a row cut in half reads as a value cut off), rows of two or three
    // lines (a long value wraps) counted at their height
    const head = ui.side.querySelector("thead tr");
    if (head && head.offsetHeight) {
      let whole = head.offsetHeight;
      for (const row of ui.side.querySelectorAll("tbody tr")) {
        if (whole + row.offsetHeight > h) break;
        whole += row.offsetHeight;
      }
      ui.side.style.maxHeight = `${whole}px`;
    }
  };
  ui.fit = fit;
  requestAnimationFrame(fit);
  for (const ms of [250, 800, 2000]) setTimeout(fit, ms);
  if (!ui.resizeBound) {
    window.addEventListener("resize", fit);
    if (window.ResizeObserver) new ResizeObserver(() => requestAnimationFrame(fit)).observe(ui.box);
    ui.resizeBound = true;
  }
}

// An overlay's path comes inline (o.d) or as a published file (o.url: {"d": …}, fetched once and cached
// like the geometry); a redraw before a fetch ends leaves that fetch's path undrawn.
function drawOverlays(ui, spec) {
  ui.overlays.innerHTML = "";
  const token = (ui.overlayToken = {});
  for (const o of spec.overlays || []) {
    const draw = (d) => {
      if (ui.overlayToken !== token) return;
      el("path", { d, fill: "none", stroke: o.color, "stroke-width": String(o.width),
        "stroke-dasharray": o.dash ? "4 3" : "none", "vector-effect": "non-scaling-stroke" }, ui.overlays, true);
    };
    if (o.d) draw(o.d);
    else if (o.url) geometry(o.url).then((j) => draw(j.d)).catch(() => {});
  }
}

function drawGeometry(ui, st, geo) {
  ui.areas.innerHTML = "";
  st.paths = new Map();
  geo.codes.forEach((code, i) => {
    const p = el("path", { d: geo.paths[i], "data-code": code, "fill-rule": "evenodd" }, ui.areas, true);
    st.paths.set(code, p);
  });
  ui.outline.setAttribute("d", geo.capital_outline);
}

function exportSvg(ui, spec, st) {
  const w = 1200, pad = 30, mapW = w - 280, mapH = 1100, legendX = w - 260, textW = w - 2 * pad;
  const title = wrapText(spec.title, 30, textW, "700");
  const subtitle = wrapText(spec.subtitle[String(st.year)] || "", 20, textW);
  const foot = [...wrapText(spec.source, 17, textW).map((l) => [l, 17, "#333", "bal-x-source"]),
    ...wrapText(spec.note || "", 15, textW).map((l) => [l, 15, "#555", "bal-x-note"])];
  const top = 20 + 40 * title.length + 30 * subtitle.length + 20;
  const footH = foot.reduce((h, [, size]) => h + Math.round(size * 1.5), 0) + 30;
  const legendH = legendHeight(spec);
  const bodyH = Math.max(mapH, legendH + 40);
  const h = top + bodyH + footH;
  const out = el("svg", { xmlns: NS, width: String(w), height: String(h), viewBox: `0 0 ${w} ${h}`,
    "font-family": FONT }, null, true);
  const defs = el("defs", {}, out, true);
  // the legend's missing-data swatch: the map's hatch at the legend's scale (the map's own pattern is in
  // map units, wider than the swatch, so the swatch came out white)
  const hatch = el("pattern", { id: "bal-hatch-legend", width: "6", height: "6", patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" }, defs, true);
  el("rect", { width: "6", height: "6", fill: "#ffffff" }, hatch, true);
  el("line", { x1: "0", y1: "0", x2: "0", y2: "6", stroke: "#7a7a7a", "stroke-width": "2" }, hatch, true);
  el("rect", { width: "100%", height: "100%", fill: "#ffffff" }, out, true);
  const text = (x, y, size, content, weight = "400", fill = "#111", cls = "") => {
    const t = el("text", { x: String(x), y: String(y), "font-size": String(size), "font-weight": weight, fill }, out, true);
    if (cls) t.setAttribute("class", cls);  // what the line is (title, source, note): for readers and tests
    t.textContent = content;
  };
  let y = 20;
  for (const line of title) { y += 40; text(pad, y - 8, 30, line, "700", "#111", "bal-x-title"); }
  for (const line of subtitle) { y += 30; text(pad, y - 4, 20, line, "400", "#333", "bal-x-subtitle"); }
  const map = ui.svg.cloneNode(true);
  map.removeAttribute("class");
  for (const [k, v] of [["x", "0"], ["y", String(top)], ["width", String(mapW)], ["height", String(mapH)]]) map.setAttribute(k, v);
  map.querySelectorAll("path").forEach((p) => { p.setAttribute("stroke", "#ffffff"); p.setAttribute("stroke-width", st.zoom === "capital" ? "5" : "10"); });
  map.querySelectorAll(".bal-overlays path").forEach((p) => p.setAttribute("stroke-width", String(28)));
  const ol = map.querySelector(".bal-outline") || map.lastChild;
  ol.setAttribute("fill", "none"); ol.setAttribute("stroke", "#000000"); ol.setAttribute("stroke-width", "28");
  out.appendChild(map);
  legendSvg(out, defs, spec, legendX, top + 20);
  y = top + bodyH + 10;
  for (const [line, size, fill, cls] of foot) { y += Math.round(size * 1.5); text(pad, y, size, line, "400", fill, cls); }
  return new XMLSerializer().serializeToString(out);
}

// the legend's height in the export: title, then the bivariate square, a gradient bar or class rows,
// then the missing-data and outline rows
function legendHeight(spec) {
  const lg = spec.legend;
  const body = lg.kind === "square" ? 160 : lg.kind === "classes" ? 30 * lg.items.length : GRADIENT_H + 20;
  return 30 + body + 30 + 40 + 30 * (spec.overlays || []).length;
}

const GRADIENT_H = 260;

function legendSvg(out, defs, spec, x, y) {
  const lg = spec.legend;
  const add = (tag, attrs, content) => { const n = el(tag, attrs, out, true); if (content !== undefined) n.textContent = content; return n; };
  for (const [i, line] of wrapText(lg.title, 17, 250, "700").entries()) add("text", { x, y: y + 22 * i, "font-size": "17", "font-weight": "700" }, line);
  let row = y + 30 + 22 * (wrapText(lg.title, 17, 250, "700").length - 1);
  if (lg.kind === "square") {
    for (let yc = 0; yc < 3; yc++) for (let xc = 0; xc < 3; xc++) {
      add("rect", { x: x + 30 * xc, y: row - 10 + 30 * (2 - yc), width: "28", height: "28", fill: lg.colors[3 * xc + yc] });
    }
    add("text", { x, y: row + 100, "font-size": "15" }, `${lg.x_label} →`);
    add("text", { x, y: row + 122, "font-size": "15" }, `↑ ${lg.y_label}`);
    row += 160;
  } else if (lg.kind === "classes") {
    for (const [color, label] of lg.items) {
      add("rect", { x, y: row - 16, width: "26", height: "20", fill: color, stroke: "#888", "stroke-width": "0.5" });
      add("text", { x: x + 36, y: row, "font-size": "16" }, label);
      row += 30;
    }
  } else {  // a continuous scale: the whole ramp, high on top, its ticks beside it (as on screen)
    const grad = el("linearGradient", { id: "bal-ramp", x1: "0", y1: "1", x2: "0", y2: "0" }, defs, true);
    for (const [p, c] of lg.stops) el("stop", { offset: String(p), "stop-color": c }, grad, true);
    const top = row - 12;
    add("rect", { x, y: top, width: "26", height: String(GRADIENT_H), fill: "url(#bal-ramp)", stroke: "#888", "stroke-width": "0.5" });
    for (const [p, t] of lg.ticks) {
      const ty = top + GRADIENT_H * (1 - p);
      add("line", { x1: x + 26, y1: ty, x2: x + 32, y2: ty, stroke: "#555", "stroke-width": "1" });
      add("text", { x: x + 36, y: ty + 5, "font-size": "16" }, t);
    }
    row = top + GRADIENT_H + 36;
  }
  add("rect", { x, y: row - 16, width: "26", height: "20", fill: "url(#bal-hatch-legend)", stroke: "#8a8a8a" });
  add("text", { x: x + 36, y: row, "font-size": "16" }, spec.missing_label);
  add("line", { x1: x, y1: row + 24, x2: x + 26, y2: row + 24, stroke: "#000", "stroke-width": "2.5" });
  add("text", { x: x + 36, y: row + 30, "font-size": "16" }, spec.outline_label);
  row += 30;
  for (const o of spec.overlays || []) {
    row += 30;
    add("line", { x1: x, y1: row - 6, x2: x + 26, y2: row - 6, stroke: o.color, "stroke-width": "3", "stroke-dasharray": o.dash ? "4 3" : "none" });
    add("text", { x: x + 36, y: row, "font-size": "16" }, o.label);
  }
}

// decimals as shown: spec.csv.decimals, or by magnitude as ui/format.py magnitude_decimals
function roundAsShown(v, fixed) {
  if (v === null || v === undefined) return null;
  const a = Math.abs(v);
  const d = fixed ?? (a >= 1000 ? 0 : a >= 10 ? 1 : a >= 0.01 || a === 0 ? 2 : 4);
  return Number(v.toFixed(d));
}

// every year and region of the view: values as published, rounded as shown, one row each
function exportCsv(spec) {
  const cell = (v) => (v === null || v === undefined ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const rows = [spec.csv.header.map(cell).join(",")];
  for (const y of spec.years) {
    const k = String(y);
    spec.codes.forEach((code, i) => {
      rows.push([code, spec.names[i], y, spec.csv.indicator, roundAsShown(spec.value[k][i], spec.csv.decimals), spec.csv.unit, spec.rank[k][i],
        spec.csv.indicator_id, spec.csv.source].map(cell).join(","));
    });
  }
  return new Blob(["\ufeff" + rows.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
}

function exportPng(ui, spec, st) {
  downloadPng(`${spec.filename}_${st.year}.png`, exportSvg(ui, spec, st));
}

// The map's own URL keys: ?year= (absent = the latest year; only for a timeline the browser owns) and
// ?zoom= (absent = 전국), written by the browser with no server round trip. Where the page's other content
// follows the year (spec.year_to_server), a chosen year goes back to Python, which reruns the page.
// Streamlit's frontend rewrites the address from its last server message (e.g. after another widget's
// run); `keepOwnKeys` puts the map's keys back into any address it writes for the map's page.
function ownKeys(spec, st) {
  const keys = { zoom: st.zoom === "nation" ? null : st.zoom };
  if (!spec.year_to_server && spec.years.length > 1) {
    keys.year = st.year === spec.years[spec.years.length - 1] ? null : String(st.year);
  }
  return keys;
}

function writeUrl(spec, st) {
  if (spec.url_keys === false) return; // a second map of a page (one month end): the page's map owns the keys
  keepOwnKeys();
  window.__balOwn = { path: window.location.pathname, keys: ownKeys(spec, st) };
  const href = withKeys(window.location.href, window.__balOwn);
  if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
}

function wire(ui, spec, st, component) {
  const { setStateValue } = component;
  const commitYear = () => (spec.year_to_server ? setStateValue("year", st.year) : writeUrl(spec, st));
  const show = (year) => { st.year = year; apply(ui, spec, st); };
  const stop = () => {
    if (!st.timer) return;
    clearInterval(st.timer);
    st.timer = null;
    ui.play.textContent = spec.labels.play;
    commitYear();
  };
  ui.play.onclick = () => {
    if (st.timer) return stop();
    let i = spec.years.indexOf(st.year);
    if (i >= spec.years.length - 1) { i = -1; }
    ui.play.textContent = spec.labels.pause;
    show(spec.years[i + 1]);
    if (i + 1 >= spec.years.length - 1) { st.timer = -1; return stop(); }
    st.timer = setInterval(() => {
      const k = spec.years.indexOf(st.year) + 1;
      show(spec.years[k]);
      if (k >= spec.years.length - 1) stop();
    }, spec.step_ms);
  };
  ui.range.oninput = () => show(spec.years[Number(ui.range.value)]);
  ui.range.onchange = () => { stop(); commitYear(); };
  for (const b of [ui.zNation, ui.zCapital]) b.onclick = () => { setZoom(ui, st, st.geo, b.dataset.zoom); writeUrl(spec, st); };
  ui.png.onclick = () => exportPng(ui, spec, st);
  ui.svgBtn.onclick = () => download(`${spec.filename}_${st.year}.svg`, new Blob([exportSvg(ui, spec, st)], { type: "image/svg+xml" }));
  ui.csvBtn.onclick = () => download(`${spec.filename}.csv`, exportCsv(spec));
  const hover = (code, evt) => {
    const i = st.index.get(code);
    if (i === undefined) { ui.tip.hidden = true; return; }
    const y = String(st.year);
    const rank = spec.rank[y][i];
    ui.tip.innerHTML = `<b>${esc(spec.names[i])}</b><br>${esc(spec.year_text[y] || y)}: ${esc(spec.text[y][i] || spec.labels.no_data)}` +
      (rank ? `<br>${esc(spec.labels.rank)} ${rank}/${spec.n_ranked[y]}` : "");
    const r = ui.tip.parentElement.getBoundingClientRect();
    ui.tip.style.left = `${Math.min(evt.clientX - r.left + 14, r.width - 220)}px`;
    ui.tip.style.top = `${evt.clientY - r.top + 14}px`;
    ui.tip.hidden = false;
  };
  ui.areas.onmousemove = (e) => { const c = e.target.dataset.code; if (c) hover(c, e); };
  ui.areas.onmouseleave = () => { ui.tip.hidden = true; };
  const open = (code) => {
    if (!spec.profile || !spec.profile.path || !spec.profile.key || !st.index.has(code)) return;
    const q = new URLSearchParams(spec.profile.params);
    q.set(spec.profile.key, code);
    window.location.assign(`${spec.profile.path}?${q.toString()}`);
  };
  ui.areas.onclick = (e) => { if (e.target.dataset.code) open(e.target.dataset.code); };
  ui.side.onclick = (e) => { const tr = e.target.closest("tr[data-code]"); if (tr) open(tr.dataset.code); };
  ui.box.onkeydown = (e) => {
    if (e.target === ui.range) return;
    const k = spec.years.indexOf(st.year);
    if (e.key === "ArrowRight" && k < spec.years.length - 1) { show(spec.years[k + 1]); commitYear(); }
    if (e.key === "ArrowLeft" && k > 0) { show(spec.years[k - 1]); commitYear(); }
  };
  return stop;
}

// A deck's slide (spec.slide, in a frame of ui/assets/deck.js). The frame says what it shows
// (`window.__balSlideMap()`: its own view and year). When the next slide is the same map in other figures
// (ui/deckurls.morph_key: the same page, level, boundary set and zoom, another year), the deck sends the frame
// on screen "bal-deck-look" with the next slide's view (detail.view; null: back to the frame's own) and this
// map takes it on the paths it has: their fills move from one colour to the other (a CSS transition while the
// box is .bal-morph) and its texts, legend and table become the next slide's. Nothing is torn down or fetched,
// no server run. A view drawn on other shapes (another geometry) is ignored.
const MORPH_MS = 1000;

function listenToDeck(component, st) {
  window.__balSlideMap = () => st.own;
  if (st.onDeckLook) window.removeEventListener("bal-deck-look", st.onDeckLook);
  st.onDeckLook = (e) => {
    const d = e.detail || {};
    const view = d.view || st.own;
    if (!view || !st.geo || view.spec.geo_url !== st.spec.geo_url) return;
    const ui = st.ui;
    clearTimeout(st.morphEnd);
    ui.box.classList.toggle("bal-morph", d.animate !== false);
    ui.box.style.setProperty("--bal-morph-ms", `${MORPH_MS}ms`);
    st.key = view.spec.key;
    st.index = new Map(view.spec.codes.map((c, i) => [c, i]));
    st.year = view.year;
    render(component, view.spec, st);
    st.morphEnd = setTimeout(() => ui.box.classList.remove("bal-morph"), MORPH_MS + 200);
  };
  window.addEventListener("bal-deck-look", st.onDeckLook);
}

export default function (component) {
  const { data: spec, parentElement } = component;
  if (!spec) return;
  let st = parentElement.__bal;
  if (!st || st.key !== spec.key) {
    // same indicator, other level or scale: keep the year shown if the new view has it
    const keep = st && st.indicator === spec.indicator && spec.years.includes(st.year) ? st.year : null;
    st = { key: spec.key, indicator: spec.indicator, ui: skeleton(parentElement, spec), year: keep ?? spec.year,
      zoom: st ? st.zoom : spec.zoom, geo: null, paths: new Map() };
    st.index = new Map(spec.codes.map((c, i) => [c, i]));
    parentElement.__bal = st;
  }
  if (spec.slide) st.own = { spec, year: st.year };  // what a deck's slide shows of its own (listenToDeck)
  return render(component, spec, st);
}

// Draw `spec` in the map `st` holds (its skeleton and paths stay; the fills of the year shown are set).
function render(component, spec, st) {
  st.spec = spec;
  const ui = st.ui;
  const L = spec.labels;
  ui.title.textContent = spec.title;
  ui.play.textContent = L.play;
  ui.play.hidden = spec.years.length < 2;
  ui.range.hidden = spec.years.length < 2;
  ui.range.min = "0";
  ui.range.max = String(spec.years.length - 1);
  ui.range.setAttribute("aria-label", L.year);
  ui.zNation.textContent = L.nation;
  ui.zCapital.textContent = L.capital;
  ui.png.textContent = "PNG";
  ui.svgBtn.textContent = "SVG";
  ui.png.title = L.png; ui.svgBtn.title = L.svg;
  ui.csvBtn.textContent = "CSV";
  ui.csvBtn.title = L.csv;
  ui.csvBtn.hidden = !spec.csv;
  ui.svg.setAttribute("aria-label", spec.title);
  ui.side.hidden = spec.side === false; // pages with their own table beside the map
  ui.legend.innerHTML = legendHtml(spec);
  drawOverlays(ui, spec);
  ui.source.textContent = spec.source + (spec.note ? ` · ${spec.note}` : "");
  ui.source.title = ui.source.textContent;
  ui.source.onclick = () => ui.source.classList.toggle("open");
  ui.box.style.setProperty("--bal-h", `${spec.height}px`);
  if (spec.presenter) fitToScreen(ui);
  const stop = wire(ui, spec, st, component);
  if (spec.slide) listenToDeck(component, st);
  geometry(spec.geo_url).then((geo) => {
    if (st.geo !== geo) { st.geo = geo; drawGeometry(ui, st, geo); setZoom(ui, st, geo, st.zoom); }
    apply(ui, spec, st);
    writeUrl(spec, st); // a rerun's own URL (written by Python) keeps the year and zoom shown
    if (spec.presenter && ui.fit) ui.fit();
    ui.box.dataset.ready = "1";
  }).catch((err) => { ui.subtitle.textContent = `${L.geo_error} (${err.message})`; });
  return () => { if (st.timer) { clearInterval(st.timer); st.timer = null; } void stop; };
}
