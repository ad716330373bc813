"""A page watched from inside, on its own clock (`performance.now()`, 0 at navigation start): when its
figure is drawn, what came over the WebSocket, what was fetched, where the main thread was busy.

An init script (run before any of the page's scripts) keeps in `window.__bench`:
- the figure: given a target (bench/targets.py), the time it is first found inside stMain (`seen`) and
  the next animation frame's (`paint`, the frame that paints it). It is looked for on every DOM
  change of the document and of every shadow root (the map draws in one), and every 50 ms;
  `__benchArm(spec)` sets a new target and forgets the old marks (a page switch);
- `click`: the last click on a sidebar page link (`[data-testid="stSidebarNav"] a`);
- the WebSocket: its open, every message received (time, bytes) and every message sent;
- the first element of the page drawn (`[data-testid=stMain] [data-testid=stElementContainer]`);
- long tasks, and long animation frames with their scripts (compile + run per script URL) and the
  start of their rendering (style, layout, paint) part.
Resource timings (every JS file: bytes, fetch start and end) are read from the page when asked.

The page's message times are when its main thread took each message (a busy main thread delays them).
The same frames as they reached the browser come from Chromium's DevTools protocol
(`Network.webSocketFrameReceived`: the bytes, what each is, and the time of arrival on the browser's
monotonic clock, put on the page's clock with `Performance.getMetrics`' NavigationStart); the two
lists are matched by order and size (bench/breakdown.py).
"""
from __future__ import annotations

import base64
import json
import time

from bench import browser as chromium
from bench.targets import Target
from bench.traffic import FrameLog

INIT_JS = """(() => {
  if (window.__bench) return;
  const B = window.__bench = {target: %s, seen: null, paint: null, click: null, wsOpen: null, frames: [],
    sent: [], firstElement: null, longTasks: [], loaf: []};
  try { performance.setResourceTimingBufferSize(5000); } catch (e) { /* older browsers */ }
  const visible = (n) => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const found = (t) => {
    for (const box of document.querySelectorAll('[data-testid="stMain"] ' + t.box)) {
      if (t.shadow) {
        for (const n of box.querySelectorAll('*')) {
          if (n.shadowRoot && n.shadowRoot.querySelector(t.shadow)) return true;
        }
      } else {
        const m = t.inner ? box.querySelector(t.inner) : box;
        if (m && visible(m)) return true;
      }
    }
    return false;
  };
  const check = () => {
    const t = B.target;
    if (!t || B.seen !== null || !found(t)) return;
    B.seen = performance.now();
    requestAnimationFrame(() => { B.paint = performance.now(); });
  };
  window.__benchArm = (spec) => { B.target = spec; B.seen = null; B.paint = null; check(); };
  const watch = (root) => new MutationObserver(check).observe(root,
    {subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'class']});
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watch(root); return root; };
  document.addEventListener('DOMContentLoaded', () => {
    watch(document.documentElement);
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]')) {
        B.firstElement = performance.now();
        obs.disconnect();
      }
    }).observe(document.documentElement, {subtree: true, childList: true});
  });
  setInterval(check, 50);
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('[data-testid="stSidebarNav"] a')) B.click = performance.now();
  }, true);
  const size = (d) => typeof d === 'string' ? d.length : (d.byteLength ?? d.size ?? 0);
  const Socket = window.WebSocket;
  class BenchSocket extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { if (B.wsOpen === null) B.wsOpen = performance.now(); });
      this.addEventListener('message', (ev) => B.frames.push([performance.now(), size(ev.data)]));
    }
    send(data) { B.sent.push([performance.now(), size(data)]); return super.send(data); }
  }
  window.WebSocket = BenchSocket;
  const observe = (type, keep) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(keep)).observe({type, buffered: true}); }
    catch (e) { /* not supported */ }
  };
  observe('longtask', (e) => B.longTasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) => B.loaf.push([e.startTime, e.duration,
    (e.scripts || []).map((s) => [s.sourceURL || s.invoker || '?', s.startTime, s.duration]),
    e.renderStart || 0, e.styleAndLayoutStart || 0]));
})();"""

READ_JS = """() => {
  const B = window.__bench || {};
  const nav = performance.getEntriesByType('navigation')[0];
  return {seen: B.seen, paint: B.paint, click: B.click, ws_open: B.wsOpen, first_element: B.firstElement,
    frames: B.frames || [], sent: B.sent || [], long_tasks: B.longTasks || [], loaf: B.loaf || [],
    nav: nav ? {response_end: nav.responseEnd, dom_content_loaded: nav.domContentLoadedEventEnd} : {},
    resources: performance.getEntriesByType('resource').map((r) => [r.name, r.initiatorType, r.startTime,
      r.responseEnd, r.encodedBodySize, r.decodedBodySize])};
}"""


def init_script(target: Target | None) -> str:
    return INIT_JS % json.dumps(target.spec() if target else None)


class DevToolsFrames(FrameLog):
    """The binary frames the page's WebSockets received, from the DevTools protocol: `frames` as
    bench/traffic.FrameLog keeps them ((perf_counter, bytes): collect_change reads them) and, beside
    them, each frame's arrival on the browser's monotonic clock (s)."""

    def __init__(self, cdp):  # not FrameLog.__init__: that one listens on the page through Playwright
        self.frames: list[tuple[float, bytes]] = []
        self.arrived: list[float] = []
        cdp.on("Network.webSocketFrameReceived", self._on_cdp_frame)

    def _on_cdp_frame(self, ev: dict) -> None:
        resp = ev.get("response") or {}
        if resp.get("opcode") == 2:  # binary: Streamlit's ForwardMsgs
            self.frames.append((time.perf_counter(), base64.b64decode(resp.get("payloadData") or "")))
            self.arrived.append(float(ev["timestamp"]))


class Watched:
    """A page in its own new browser context, with the in-page watcher and the WebSocket frame log."""

    def __init__(self, browser, target: Target | None = None, viewport: dict | None = None):
        self.context = browser.new_context(viewport=viewport or chromium.VIEWPORT, locale="ko-KR")
        self.context.add_init_script(init_script(target))
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.log = DevToolsFrames(self.cdp)
        self.cdp.send("Network.enable")
        self.cdp.send("Performance.enable")

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> Watched:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def goto(self, url: str, timeout_s: float) -> None:
        self.page.goto(url, wait_until="commit", timeout=timeout_s * 1000)

    def arm(self, target: Target) -> None:
        self.page.evaluate("(spec) => window.__benchArm(spec)", target.spec())

    def wait_painted(self, timeout_s: float) -> None:
        self.page.wait_for_function("() => window.__bench && window.__bench.paint !== null",
                                    timeout=timeout_s * 1000, polling=20)

    def wait_run_finished(self, since: float, timeout_s: float) -> bool:
        """Until a script run finished successfully after `since` (perf_counter; the run may have
        ended before the figure was drawn); False at the time limit."""
        from bench.breakdown import finish_status

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if any(finish_status(p) in (0, 3) for t, p in self.log.frames if t >= since):
                return True
            self.page.wait_for_timeout(20)
        return False

    def wait_whole(self, timeout_s: float) -> None:
        """Until the page is drawn whole: a session's first page is cut at its figure and runs again, whole,
        once the browser says the figure is drawn (ui/chrome.py figure_first; `<html data-bal-whole="1">`)."""
        self.page.wait_for_function("() => document.documentElement.dataset.balWhole === '1'",
                                    timeout=timeout_s * 1000)

    def settle(self, quiet_ms: int = 300, timeout_s: float = 5.0) -> None:
        """Until nothing came over the WebSocket for `quiet_ms` (bounded by `timeout_s`)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            last = max((t for t, _ in self.log.frames), default=0.0)
            if (time.perf_counter() - last) * 1000 >= quiet_ms:
                return
            self.page.wait_for_timeout(50)

    def navigation_start(self) -> float:
        """The current document's navigation start on the browser's monotonic clock (s): 0 of its clock."""
        metrics = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        return float(metrics["NavigationStart"])

    def read(self) -> dict:
        """The page's marks and timings (READ_JS) with the frames as they reached the browser, in order
        (`payloads`; `arrived`: ms on the page's clock)."""
        marks = self.page.evaluate(READ_JS)
        start = self.navigation_start()
        marks["payloads"] = [p for _, p in self.log.frames]
        marks["arrived"] = [round((t - start) * 1000, 1) for t in self.log.arrived]
        return marks


def first_paint(browser, url: str, target: Target, timeout_s: float) -> dict:
    """One first visit in a new browser context (no cache, no cookies): navigation → `target` painted,
    then until the page's first run has finished (its whole WebSocket traffic); the raw marks."""
    with Watched(browser, target) as w:
        t0 = time.perf_counter()
        w.goto(url, timeout_s)
        w.wait_painted(timeout_s)
        w.wait_run_finished(t0, min(timeout_s, 15.0))
        w.page.wait_for_timeout(100)  # the page takes the last frame after Playwright has seen it
        return w.read()
