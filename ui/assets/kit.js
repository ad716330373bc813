// 균형 component kit: what the map (mapview.js) and the charts (linechart.js, barchart.js) all need,
// written once and put before each component's own code (ui/mapview.py `component_js`).
const NS = "http://www.w3.org/2000/svg";

function download(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// The address keys a component owns (window.__balOwn = {path, keys}: ?year=, ?zoom=): Streamlit's frontend
// rewrites the address from its last server message; the history hook puts the owner's keys back into any
// address it writes on that page (null = the key removed).
function withKeys(url, own) {
  const u = new URL(url, window.location.href);
  if (!own || u.pathname !== own.path) return u.href;
  for (const [k, v] of Object.entries(own.keys)) (v === null ? u.searchParams.delete(k) : u.searchParams.set(k, v));
  return u.href;
}

function keepOwnKeys() {
  if (window.__balKeep) return;
  window.__balKeep = true;
  for (const name of ["replaceState", "pushState"]) {
    const write = window.history[name].bind(window.history);
    window.history[name] = (state, title, url) =>
      write(state, title, url === undefined || url === null ? url : withKeys(url, window.__balOwn));
  }
}

const FONT = "'Noto Sans CJK KR','Noto Sans KR',sans-serif";

function el(tag, attrs = {}, parent = null, ns = false) {
  const node = ns ? document.createElementNS(NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

// Text of an exported image is wrapped here (SVG text never wraps): words are measured in the export's
// font on a canvas and a line breaks before the word that would cross `width`; a word longer than a
// line (a table id, a file name) is broken between characters. Breaks prefer the source separators.
let measureCtx = null;

function textWidth(s, size, weight = "400") {
  if (!measureCtx) measureCtx = document.createElement("canvas").getContext("2d");
  measureCtx.font = `${weight} ${size}px ${FONT}`;
  return measureCtx.measureText(String(s)).width;
}

function wrapText(content, size, width, weight = "400") {
  const lines = [];
  for (const para of String(content ?? "").split("\n")) {
    let line = "";
    for (const word of para.split(/(?<=[ ;|·,])/)) {
      if (textWidth(line + word, size, weight) <= width) { line += word; continue; }
      if (line.trim()) lines.push(line.trimEnd());
      line = "";
      for (const ch of word.trimStart()) {  // a word wider than the line: break between characters
        if (textWidth(line + ch, size, weight) > width && line) { lines.push(line); line = ""; }
        line += ch;
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines;
}

// An exported SVG image as a PNG file at twice its size.
function downloadPng(name, svgText) {
  const img = new Image();
  img.onload = () => {
    const c = document.createElement("canvas");
    c.width = img.width * 2; c.height = img.height * 2;
    const ctx = c.getContext("2d");
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    c.toBlob((b) => download(name, b), "image/png");
  };
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText);
}

function dashArray(dash, w) {
  return dash === "dash" ? `${3 * w + 2} ${2 * w + 1}` : dash === "dot" ? `${w} ${1.5 * w}` : "none";
}

// A legend entry's mark in an exported image: a line, a diamond (quoted figure) or a square (bars, shading).
function legendMark(out, e, x, y) {
  if (e.kind === "quoted") el("path", { d: `M${x + 14} ${y - 13}l7 7l-7 7l-7 -7Z`, fill: "none", stroke: "#333", "stroke-width": 2 }, out, true);
  else if (e.kind === "line") el("line", { x1: x, x2: x + 28, y1: y - 6, y2: y - 6, stroke: e.color, "stroke-width": Math.min(e.width, 3), "stroke-dasharray": dashArray(e.dash, 2) }, out, true);
  else el("rect", { x: x + 7, y: y - 13, width: 14, height: 14, fill: e.color, stroke: e.kind === "shade" ? "#bbb" : "none" }, out, true);
}

// A chart as an image 1200 px wide: title, subtitle and legend (wrapped to the width), the plot drawn by
// `draw(g, w, h, size)` in `plotH` px, then note and source; returns the SVG text.
function exportImage(meta, entries, plotH, draw) {
  const w = 1200, pad = 28, textW = w - 2 * pad, size = 16;
  const title = wrapText(meta.title, 28, textW, "700"), sub = wrapText(meta.subtitle, 19, textW);
  const foot = [...wrapText(meta.note || "", 14, textW).map((l) => [l, 14, "#555", "bal-x-note"]),
    ...wrapText(meta.source, 15, textW).map((l) => [l, 15, "#333", "bal-x-source"])];
  const legendRows = [];
  let used = Infinity;
  for (const e of entries) {
    const ew = textWidth(e.name, size) + 44;
    if (used + ew > textW) { legendRows.push([]); used = 0; }
    legendRows[legendRows.length - 1].push([e, used]); used += ew;
  }
  const plotTop = 16 + 38 * title.length + 28 * sub.length + 26 * legendRows.length + 10;
  const h = plotTop + plotH + 16 + foot.reduce((a, [, s]) => a + Math.round(s * 1.5), 0) + 16;
  const out = el("svg", { xmlns: NS, width: w, height: h, viewBox: `0 0 ${w} ${h}`, "font-family": FONT }, null, true);
  el("rect", { width: "100%", height: "100%", fill: "#ffffff" }, out, true);
  const text = (x, y, s, content, weight, fill, cls) => { const t = el("text", { x, y, "font-size": s, "font-weight": weight, fill, class: cls }, out, true); t.textContent = content; };
  let y = 16;
  for (const l of title) { y += 38; text(pad, y - 8, 28, l, "700", "#111", "bal-x-title"); }
  for (const l of sub) { y += 28; text(pad, y - 6, 19, l, "400", "#333", "bal-x-subtitle"); }
  for (const row of legendRows) {
    y += 26;
    for (const [e, x0] of row) { legendMark(out, e, pad + x0, y); text(pad + x0 + 34, y, size, e.name, "400", "#111", "bal-x-legend"); }
  }
  draw(el("g", { transform: `translate(${pad - 6},${plotTop})` }, out, true), w - 2 * pad + 12, plotH, size);
  y = plotTop + plotH + 16;
  for (const [l, s, fill, cls] of foot) { y += Math.round(s * 1.5); text(pad, y, s, l, "400", fill, cls); }
  return new XMLSerializer().serializeToString(out);
}
