// 균형 page chrome: what every page needs from the browser and Streamlit cannot say in Python.
// Drawn in the page by st.components.v2 (no iframe), invisible, sends nothing back.
// - print: the main column's width on screen is kept in --bal-screen-w, so a printed page lays the column
//   out as on screen (plotly figures have the pixel width they were drawn at) and scales it to the paper
//   (app.py PRINT_CSS); nothing is cropped.
// - presenter mode: after a page is chosen from the sidebar (» then a page), the sidebar closes, so it never
//   covers the settings button or squeezes the chart.
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
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  if (!sidebar || sidebar.dataset.collapsed !== "false") return;
  const close = sidebar.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (close) close.click();
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

export default function (component) {
  const { data } = component;
  trackWidth();
  closeSidebarAfterPageChoice(Boolean(data && data.presenter), data && data.page);
  tellViewport(component, data);
}
