// 균형 page chrome: what every page needs from the browser and Streamlit cannot say in Python.
// Drawn in the page by st.components.v2 (no iframe), invisible, sends nothing back.
// - print: the main column's width on screen is kept in --bal-screen-w, so a printed page lays the column
//   out as on screen (plotly figures have the pixel width they were drawn at) and scales it to the paper
//   (app.py PRINT_CSS); nothing is cropped.
// - presenter mode: after a page is chosen from the sidebar (» then a page), the sidebar closes, so it never
//   covers the settings button or squeezes the chart.
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

export default function (component) {
  const { data } = component;
  trackWidth();
  closeSidebarAfterPageChoice(Boolean(data && data.presenter), data && data.page);
}
