// 균형 page chrome: what every page needs from the browser and Streamlit cannot say in Python.
// Drawn in the page by st.components.v2 (no iframe), invisible, sends nothing back.
// - print: the main column's width on screen is kept in --bal-screen-w, so a printed page lays the column
//   out as on screen (plotly figures have the pixel width they were drawn at) and scales it to the paper
//   (app.py PRINT_CSS); nothing is cropped.
// - presenter mode: after a page is chosen from the sidebar (» then a page), the sidebar closes, so it never
//   covers the settings button or squeezes the chart.
// - a page switch from the sidebar: Streamlit clears the screen before the next page draws; a still copy of
//   the page being left (a curtain) stays over it until the next page's figure is drawn, so the audience
//   never sees a blank main area or half-built page — the new figure replaces the old one.
// - the viewport's class, told to Python once per session (and again when it changes class): a phone (the
//   page's settings fold above its figure) and, presenting, the screen's scale against the 1280×720 the
//   presenter layout is drawn for (type and figures grow with it). Kept in --bal-scale for the CSS too.
function trackWidth() {
  if (window.__balWidth) return;
  window.__balWidth = true;
  const measure = () => {
    if (window.matchMedia("print").matches) return;  // keep the screen's width while printing
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (main) document.documentElement.style.setProperty("--bal-screen-w", `${Math.ceil(main.getBoundingClientRect().width)}px`);
  };
  measure();
  window.addEventListener("resize", measure);
  const poll = setInterval(() => {  // the container is replaced on page switches: observe the current one
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (main && main !== window.__balObserved && window.ResizeObserver) {
      window.__balObserved = main;
      new ResizeObserver(measure).observe(main);
      measure();
    }
  }, 500);
  window.__balPoll = poll;
}

function closeSidebarAfterPageChoice(presenter, page) {
  const path = page ?? window.location.pathname;
  const moved = window.__balPath !== undefined && window.__balPath !== path;
  window.__balPath = path;
  if (!presenter || !moved) return;
  let tries = 0;
  const attempt = () => {  // the sidebar may still be re-rendering after the switch: try for up to 3 s
    const sidebar = document.querySelector('[data-testid="stSidebar"]');
    if (sidebar && sidebar.dataset.collapsed === "true") return;
    const close = sidebar && sidebar.dataset.collapsed === "false"
      && sidebar.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) { close.click(); return; }
    if (++tries < 30) setTimeout(attempt, 100);
  };
  attempt();
}

const PHONE_MAX_PX = 640;
const SCALE_STEP = 0.25;

function viewportClass(presenter) {
  const w = window.innerWidth, h = window.innerHeight;
  const fit = Math.min(w / 1280, h / 720);  // the presenter layout's screen
  const scale = presenter ? Math.min(3, Math.max(1, Math.floor(fit / SCALE_STEP) * SCALE_STEP)) : 1;
  return { phone: w < PHONE_MAX_PX, scale };
}

function tellViewport(component, data) {
  const presenter = Boolean(data && data.presenter);
  const send = () => {
    const now = viewportClass(presenter);
    document.documentElement.style.setProperty("--bal-scale", String(now.scale));
    const known = (data && data.viewport) || {};
    const same = (a) => a && a.phone === now.phone && a.scale === now.scale;
    if (same(known) || same(window.__balSent)) return;  // Python knows it, or is being told
    window.__balSent = now;
    component.setStateValue("viewport", now);
  };
  send();
  window.__balViewport = send;
  if (!window.__balResize) {
    window.__balResize = true;
    let timer = null;
    window.addEventListener("resize", () => { clearTimeout(timer); timer = setTimeout(() => window.__balViewport(), 300); });
  }
}

// Streamlit loads a chart's code the first time a page of the tab shows one; we load it from the same URL
// its own loader uses (beside its index script), so that load finds it done — once the page's own figure
// is drawn (or after PREFETCH_WAIT_MS) and the page is idle: on a first visit, evaluating plotly's code
// takes a second of the main thread, which must not come before the figure the reader opened the page for.
const PREFETCH_WAIT_MS = 4000;

function prefetch(names) {
  if (!names || !names.length || window.__balPrefetched) return;
  window.__balPrefetched = true;
  const index = [...document.querySelectorAll("script[src]")].find((s) => /\/static\/js\/index\.[^/]+\.js/.test(s.src));
  if (!index) return;
  const later = window.requestIdleCallback || ((f) => setTimeout(f, 1200));
  const since = performance.now();
  const wait = setInterval(() => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!drawn(main) && performance.now() - since < PREFETCH_WAIT_MS) return;
    clearInterval(wait);
    later(() => { for (const name of names) import(new URL(name, index.src).href).catch(() => {}); }, { timeout: 4000 });
  }, 100);
}

const FIGURE = '.js-plotly-plot .main-svg, .bal-static table, [data-testid="stTable"], [data-testid="stMetricValue"]';
const CURTAIN_MAX_MS = 6000;

// A figure drawn in `main`; those in `left` (the page being left, still on screen until Streamlit clears
// it) do not count.
function drawn(main, left = new Set()) {
  if (!main) return false;
  if ([...main.querySelectorAll(FIGURE)].some((n) => !left.has(n))) return true;
  return [...main.querySelectorAll("*")].some((n) => n.shadowRoot && !left.has(n)
    && n.shadowRoot.querySelector(".bal-map[data-ready='1'], .bal-lc[data-ready='1']"));  // the map, our charts
}

// A page's main figure box (slidemode.MAIN) shown: a figure of ours or plotly's drawn, or a figure of text
// (브리핑's sheet) there once it has text; those in `left` (the page being left) do not count.
function figureShown(box, left = new Set()) {
  if (drawn(box, left)) return true;
  if (left.has(box) || [...box.querySelectorAll("*")].some((n) => n.shadowRoot)) return false;
  return !box.querySelector(".js-plotly-plot") && box.textContent.trim() !== "";
}

// No script run going on in this page.
function scriptIdle() {
  return document.querySelector('[data-testid="stApp"]')?.getAttribute("data-test-script-state") === "notRunning";
}

function figuresIn(main) {
  return new Set([...main.querySelectorAll(FIGURE), ...[...main.querySelectorAll("*")].filter((n) => n.shadowRoot)]);
}

function stillCopy(main) {
  const copy = main.cloneNode(true);
  // a component drawn in a shadow root (the map) is copied as plain markup, with its own style
  const from = [...main.querySelectorAll("*")], to = [...copy.querySelectorAll("*")];
  from.forEach((node, i) => { if (node.shadowRoot && to[i]) to[i].innerHTML = node.shadowRoot.innerHTML; });
  return copy;
}

function curtainOnPageSwitch() {
  if (window.__balCurtain) return;
  window.__balCurtain = true;
  document.addEventListener("click", (e) => {
    const link = e.target.closest && e.target.closest('[data-testid="stSidebarNav"] a');
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!link || !main || new URL(link.href, location.href).pathname === location.pathname) return;
    const r = main.getBoundingClientRect();
    const curtain = document.createElement("div");
    curtain.className = "bal-curtain";
    Object.assign(curtain.style, { position: "fixed", left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`,
      height: `${Math.min(r.height, window.innerHeight - r.top)}px`, overflow: "hidden", zIndex: "999980",
      background: "#ffffff", pointerEvents: "none" });
    curtain.appendChild(stillCopy(main));
    document.body.appendChild(curtain);
    const from = location.pathname;
    const left = figuresIn(main);  // the new page's figure, not the old one's, lifts the copy
    // the new page's main figure (chrome.main_figures), when the page is one of ours
    const key = (window.__balFigures || {})[new URL(link.href, location.href).pathname.split("/").pop()];
    const done = () => { clearInterval(watch); curtain.remove(); };
    const watch = setInterval(() => {
      const now = document.querySelector('[data-testid="stMainBlockContainer"]');
      if (location.pathname === from || !now) return;
      const box = key ? now.querySelector(`.st-key-${key}`) : null;
      if (key ? (box ? figureShown(box, left) : scriptIdle()) : drawn(now, left)) done();  // a page without its figure: its message
    }, 40);
    setTimeout(done, CURTAIN_MAX_MS);
  }, true);
}

// The first page of a session is drawn down to its main figure (ui/chrome.py figure_first); once that
// figure is drawn — or the page finished without it (no data: its message), or after REPORT_MAX_MS —
// Python is told and runs the page again, whole. Told only when the page is calm: no run going on for
// CALM_MS and no click or key for CALM_MS. A report sends every widget's value as the browser holds it;
// sent while a click's run is still on its way, it would carry values that click's callback has just
// changed on the server (leaving presenter mode sets the toggle off) back to what they were.
const REPORT_MAX_MS = 5000;
const CALM_MS = 250;
let lastInput = -Infinity;

function reportDrawn(component, data) {
  if (!data || !data.report_drawn || window.__balReported) return;
  window.__balReported = true;
  for (const kind of ["pointerdown", "keydown"]) {
    document.addEventListener(kind, () => { lastInput = performance.now(); }, true);
  }
  const key = (data.figures || {})[location.pathname.split("/").pop()];
  const since = performance.now();
  let idleSince = null;
  const watch = setInterval(() => {
    const now = performance.now();
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    const box = key && main ? main.querySelector(`.st-key-${key}`) : null;
    idleSince = scriptIdle() ? (idleSince ?? now) : null;
    const calm = idleSince !== null && now - idleSince >= CALM_MS && now - lastInput >= CALM_MS;
    const shown = box ? figureShown(box) : true;  // no figure box: the page ended without it (its message)
    if (!calm || (!shown && now - since <= REPORT_MAX_MS)) return;
    clearInterval(watch);
    component.setStateValue("drawn", true);
  }, 40);
}

export default function (component) {
  const { data } = component;
  if (data && data.figures) window.__balFigures = data.figures;
  // '1' once the page is drawn whole (not a first run cut at its figure): what tests wait for
  if (data) document.documentElement.dataset.balWhole = data.report_drawn ? "0" : "1";
  reportDrawn(component, data);
  trackWidth();
  curtainOnPageSwitch();
  closeSidebarAfterPageChoice(Boolean(data && data.presenter), data && data.page);
  tellViewport(component, data);
  prefetch(data && data.prefetch);
}
