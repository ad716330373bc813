// 균형 table: an HTML table drawn in the page (st.components.v2), sorted in the browser. Python sends
// one view (ui/datatable.py): per column its title, help, kind (number, text, check, trend), alignment,
// width, pinned and wrap flags, and per row the text shown (t), the value it sorts by (v) and optional
// cell colours (bg); a text column has no v (it sorts by its text). A click on a title sorts by that column (numbers and text each in their own order,
// missing last), again the other way, a third time back to the table's own order.

function trendSvg(values) {
  const nums = values.filter((x) => x !== null && x !== undefined);
  if (nums.length < 2) return "";
  const w = 84, h = 22, lo = Math.min(...nums), hi = Math.max(...nums), span = hi - lo || 1;
  const step = w / Math.max(1, values.length - 1);
  let d = "", pen = false;
  values.forEach((x, i) => {
    if (x === null || x === undefined) { pen = false; return; }
    const px = (i * step).toFixed(1), py = (h - 2 - ((x - lo) / span) * (h - 4)).toFixed(1);
    d += `${pen ? "L" : "M"}${px},${py}`;
    pen = true;
  });
  return `<svg class="bal-dt-trend" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" aria-hidden="true"><path d="${d}" fill="none" stroke="#1c6dd0" stroke-width="1.5"/></svg>`;
}

function cellHtml(col, i) {
  const cls = [`a-${col.align}`];
  if (col.pinned) cls.push("pin");
  if (col.wrap) cls.push("wrap");
  let body, style = "";
  if (col.kind === "trend") body = trendSvg(col.v[i] || []);
  else if (col.kind === "check" && col.v[i] === false) body = "";
  else if (col.t[i] === "") { body = "–"; cls.push("na"); }
  else body = esc(col.t[i]);
  const bg = col.bg && col.bg[i];
  if (bg) style = ` style="background:${esc(bg[0])};color:${esc(bg[1])}"`;
  return `<td class="${cls.join(" ")}"${style}>${body}</td>`;
}

function compare(a, b) {  // missing last; numbers and booleans by value, text in Korean order
  const na = a === null || a === undefined || a === "", nb = b === null || b === undefined || b === "";
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return String(a).localeCompare(String(b), "ko", { numeric: true });
}

function order(spec, sort) {
  const idx = Array.from({ length: spec.n }, (_, i) => i);
  if (!sort) return idx;
  const col = spec.columns[sort.col];
  const val = (i) => (col.kind === "trend" ? null : col.v ? col.v[i] : col.t[i]);
  return idx.sort((i, j) => {
    const a = val(i), b = val(j);
    const missA = a === null || a === undefined || a === "", missB = b === null || b === undefined || b === "";
    if (missA || missB) return missA === missB ? i - j : missA ? 1 : -1;  // missing last either way
    return (sort.dir === "asc" ? compare(a, b) : compare(b, a)) || i - j;
  });
}

function render(root, st) {
  const spec = st.spec, rows = order(spec, st.sort);
  st.body.innerHTML = rows.map((i) => st.rowHtml[i]).join("");
  st.heads.forEach((th, c) => {
    const dir = st.sort && st.sort.col === c ? st.sort.dir : null;
    th.setAttribute("aria-sort", dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none");
    th.querySelector(".arrow").textContent = dir === "asc" ? "▲" : dir === "desc" ? "▼" : "";
  });
  root.dataset.sort = st.sort ? `${spec.columns[st.sort.col].key}:${st.sort.dir}` : "";
}

function build(parent, spec) {
  for (const n of Array.from(parent.children)) if (n.classList && n.classList.contains("bal-dt")) n.remove();
  const root = el("div", { class: "bal-dt" + (spec.presenter ? " presenter" : ""), "data-key": spec.key }, parent);
  root.style.maxHeight = `${spec.height}px`;
  const head = spec.columns.map((c) => {
    const cls = [`a-${c.align}`];
    if (c.pinned) cls.push("pin");
    if (c.wrap) cls.push("wrap");
    const width = c.width ? ` style="min-width:${c.width}px"` : "";
    const help = c.help ? ` title="${esc(c.help)}"` : "";
    const label = `<span class="t${c.help ? " help" : ""}">${esc(c.title)}</span><span class="arrow" aria-hidden="true"></span>`;
    const inner = spec.sortable && c.kind !== "trend" ? `<button type="button"${help}>${label}</button>` : `<span${help}>${label}</span>`;
    return `<th scope="col" class="${cls.join(" ")}"${width}>${inner}</th>`;
  }).join("");
  // printed: the first rows only (datatable.css), then how many more there are (spec.print_more)
  const more = spec.print_more ? `<tfoot class="bal-dt-more"><tr><td colspan="${spec.columns.length}">${esc(spec.print_more)}</td></tr></tfoot>` : "";
  root.innerHTML = `<table><thead><tr>${head}</tr></thead><tbody></tbody>${more}</table>`;
  const st = {
    spec, sort: null, root, body: root.querySelector("tbody"), heads: Array.from(root.querySelectorAll("th")),
    rowHtml: Array.from({ length: spec.n }, (_, i) => `<tr${spec.ids ? ` data-id="${esc(spec.ids[i])}"` : ""}>${spec.columns.map((c) => cellHtml(c, i)).join("")}</tr>`),
  };
  st.heads.forEach((th, c) => {
    const b = th.querySelector("button");
    if (!b) return;
    b.onclick = () => {
      const cur = st.sort && st.sort.col === c ? st.sort.dir : null;
      const first = spec.columns[c].kind === "number" ? "desc" : "asc";  // numbers: the largest first
      const second = first === "asc" ? "desc" : "asc";
      st.sort = cur === null ? { col: c, dir: first } : cur === first ? { col: c, dir: second } : null;
      render(root, st);
    };
  });
  return st;
}

export default function (component) {
  const { data: spec, parentElement } = component;
  if (!spec || !spec.columns) return;
  const sig = JSON.stringify([spec.key, spec.n, spec.height, spec.presenter, spec.columns.map((c) => [c.key, c.title, c.t, c.bg])]);
  let st = parentElement.__balDt;
  if (!st || st.sig !== sig) {
    const keep = st && st.spec.key === spec.key && st.sort && st.sort.col < spec.columns.length
      && spec.columns[st.sort.col].key === st.spec.columns[st.sort.col].key ? st.sort : null;
    st = build(parentElement, spec);
    st.sig = sig;
    st.sort = keep;  // a new selection (a filter, a year) keeps the reader's sort
    parentElement.__balDt = st;
    render(st.root, st);
  }
  st.root.dataset.ready = "1";
}
