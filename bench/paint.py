"""First paint in headless Chromium: navigation start → the map drawn (or, for the baseline, the
empty page's title shown), in a new browser context each time.

The clock is the page's own `performance.now()` (0 at navigation start). An init script, run before
any of the page's scripts, watches the document and every shadow root created on it (the map
component renders in an open shadow root): when the target appears — `.bal-map[data-ready='1']`
(geometry drawn and coloured, set by ui/assets/mapview.js) or an `h1` with a size — it notes the
time of the next animation frame (the frame that paints it) in `window.__benchPaint`.
"""
from __future__ import annotations

from bench import browser as chromium

MAP_TARGET = "map"  # .bal-map[data-ready='1'] inside the component's shadow root
TITLE_TARGET = "title"  # a visible h1 in the document (the empty page)

WATCH_JS = """(() => {
  const target = %r;
  const found = (root) => target === 'map'
    ? root.querySelector(".bal-map[data-ready='1']")
    : [...root.querySelectorAll('h1')].find((h) => h.getBoundingClientRect().height > 0);
  const check = (root) => {
    if (window.__benchPaint || window.__benchSeen || !found(root)) return;
    window.__benchSeen = performance.now();
    requestAnimationFrame(() => { window.__benchPaint = performance.now(); });
  };
  const watch = (root) => new MutationObserver(() => check(root)).observe(root,
    {subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'class']});
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };
  document.addEventListener('DOMContentLoaded', () => watch(document.documentElement));
  // phases: the WebSocket open (Streamlit's own start) and the first elements of the page drawn
  const Socket = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Socket(...args);
    ws.addEventListener('open', () => { window.__benchWsOpen = window.__benchWsOpen || performance.now(); });
    return ws;
  };
  window.WebSocket.prototype = Socket.prototype;
  Object.assign(window.WebSocket, Socket);
  document.addEventListener('DOMContentLoaded', () => new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=stMain] [data-testid=stElementContainer]')) {
      window.__benchFirstElement = performance.now();
      obs.disconnect();
    }
  }).observe(document.documentElement, {subtree: true, childList: true}));
})();"""

NAV_JS = """() => { const e = performance.getEntriesByType('navigation')[0];
  const geo = performance.getEntriesByType('resource').find((r) => r.name.includes('/app/static/geo/'));
  const out = e ? {response_end: e.responseEnd, dom_content_loaded: e.domContentLoadedEventEnd} : {};
  if (geo) { out.geometry_start = geo.startTime; out.geometry_end = geo.responseEnd; }
  if (window.__benchWsOpen) out.websocket_open = window.__benchWsOpen;
  if (window.__benchFirstElement) out.first_element = window.__benchFirstElement;
  return out; }"""


def paint_once(browser, url: str, target: str, timeout_s: float) -> dict:
    """ms from navigation start to the paint of `target` in a new browser context (no cache, no
    cookies), with the navigation timings (and the geometry file's fetch) and the frame the target
    appeared in."""
    ctx = chromium.new_context(browser)
    try:
        ctx.add_init_script(WATCH_JS % target)
        page = ctx.new_page()
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function("() => window.__benchPaint", timeout=timeout_s * 1000)
        got = page.evaluate("() => [window.__benchSeen, window.__benchPaint]")
        nav = page.evaluate(NAV_JS)
    finally:
        ctx.close()
    return {"paint_ms": round(got[1], 1), "seen_ms": round(got[0], 1),
            "navigation": {k: round(v, 1) for k, v in nav.items() if isinstance(v, (int, float))}}
