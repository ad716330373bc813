// 균형 component kit: what the map (mapview.js) and the trend chart (linechart.js) both need, written
// once and put before each component's own code (ui/mapview.py `component_js`).
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
