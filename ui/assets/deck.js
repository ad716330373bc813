// 균형 deck (ui/deck_present.py): a deck presented one slide at a time over the whole viewport, or printed
// with every slide on its own landscape page. Cover and headline slides are drawn here as text; a view slide
// is an <iframe> of its page in slide mode (the main figure alone), a pair slide two of them. Every text of
// the data is set with textContent (never parsed as markup); frame addresses are relative paths built in
// Python from the deck format's plain characters.
//
// Presenting: the frames of the slides before and after the one shown are loaded too, stacked under it
// (visibility hidden, full size, so they lay out as when shown); a step swaps which slide is visible, at
// once when its frames have drawn their figure, else as soon as they have (at most `ready_wait_ms`), the
// current slide staying up meanwhile: never a blank frame or a spinner. Keys: → ← PageDown PageUp space
// (shift+space back) Home End, B or . (black screen), Esc (back to the deck page). A key pressed while a
// frame has the focus is caught in that frame (same origin) and handled here. The slide shown is kept in
// ?slide_no= (history.replaceState, and kit.js's keepOwnKeys so Streamlit's own address writes keep it).
// A map slide followed by the same map in another year is stepped in place, its colours moving (see tellLook).

const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"]);
const PREV = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);
const KEEP = 1;  // presenting: frames loaded this many slides either side of the one shown
const DROP = 2;  // and dropped beyond this many (a step back and forth reloads nothing)
const POLL_MS = 120;
// A frame narrower or lower than this (half a screen: a pair) lays its page out at this size and is scaled
// down to its cell, so the page's presenter layout (made for 1280×720 and up) fits whole, as on a screen.
const FRAME_MIN_W = 900;
const FRAME_MIN_H = 540;

function fitFrame(f) {
  if (!f.frame) return;
  const w = f.holder.clientWidth, h = f.holder.clientHeight;
  if (!w || !h) return;
  const s = Math.min(1, w / FRAME_MIN_W, h / FRAME_MIN_H);
  Object.assign(f.frame.style, { width: `${w / s}px`, height: `${h / s}px`, transform: s < 1 ? `scale(${s})` : "" });
}

// ------------------------------------------------------------------ a frame's readiness (same origin)
const FIGURES = ".bal-map, .bal-lc";  // our components' boxes (map, year chart, bar chart): data-ready='1' when drawn

function frameState(frame) {
  let doc;
  try { doc = frame.contentDocument; } catch (e) { return "ready"; }  // not ours to inspect: take it as drawn
  if (!doc || doc.readyState === "loading") return "loading";
  const app = doc.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute("data-test-script-state") === "running") return "loading";
  const main = doc.querySelector('[data-testid="stMain"]');
  if (!main) return "loading";
  const boxes = [];
  for (const n of main.querySelectorAll("*")) if (n.shadowRoot) boxes.push(...n.shadowRoot.querySelectorAll(FIGURES));
  if (boxes.length) return boxes.every((b) => b.dataset.ready === "1") ? "drawn" : "loading";
  if (main.querySelector(".bal-static table, .js-plotly-plot .main-svg, [data-testid=\"stAlert\"]")) return "drawn";
  return "loading";
}

// Drawn on two polls in a row (a rerun for the screen's scale redraws the figure once more).
function watchFrame(frame, onReady) {
  let streak = 0;
  const timer = setInterval(() => {
    streak = frameState(frame) === "loading" ? 0 : streak + 1;
    if (streak >= 2) { clearInterval(timer); frame.dataset.ready = "1"; onReady(); }
  }, POLL_MS);
  return timer;
}

// ------------------------------------------------------------------ slides as HTML
function div(cls, parent, text) {
  const node = document.createElement("div");
  node.className = cls;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function drawCover(box, s) {
  box.classList.add("cover");
  const inner = div("cover-inner", box);
  div("accent", inner);
  div("cover-title", inner, s.title);
  if (s.subtitle) div("cover-subtitle", inner, s.subtitle);
  const foot = div("cover-foot", inner);
  if (s.speaker) div("cover-speaker", foot, s.speaker);
  if (s.date) div("cover-date", foot, s.date);
}

function drawHeadline(box, s) {
  box.classList.add("headline");
  const inner = div("headline-inner", box);
  div("headline-title", inner, s.title);
  div("headline-value", inner, s.value);
  if (s.meta) div("headline-meta", inner, s.meta);
  if (s.source) div("headline-source", inner, s.source);
  if (s.note) div("headline-note", inner, s.note);
}

// The slide's title, then its figure(s); a callout (the region outlined on a map, or a value) is named beside
// the title (a pair: beside each caption), never over the figure's own text.
function drawView(box, s) {
  box.classList.add("view", s.kind);
  const head = div("view-head", box);
  div("view-title", head, s.title || "");
  if (s.kind === "view" && s.frames[0].callout) div("callout", head, s.frames[0].callout);
  if (s.note) div("view-note", box, s.note);  // figures changed since the slide was saved (another build)
  const row = div("frames", box);
  box.__frames = s.frames.map((f) => {
    const cell = div("frame-cell", row);
    if (s.kind === "pair") {
      const cap = div("frame-head", cell);
      div("frame-caption", cap, f.caption || "");
      if (f.callout) div("callout", cap, f.callout);
    }
    const holder = div("frame-holder", cell);
    return { holder, url: f.url, frame: null, timer: null };
  });
}

function drawSlide(box, s) {
  if (s.kind === "cover") drawCover(box, s);
  else if (s.kind === "headline") drawHeadline(box, s);
  else drawView(box, s);
}

// ------------------------------------------------------------------ frames: load, drop, ready
// Slide `i` drawn in a box of its own (numbered, its kind and title on it: tests and print read them).
function slideBox(parent, cls, s, i) {
  const box = div(cls, parent);
  box.dataset.n = String(i + 1);
  box.dataset.kind = s.kind;
  box.dataset.title = s.title || "";
  drawSlide(box, s);
  return box;
}

function loadFrames(box, onKey, onReady) {
  for (const f of box.__frames || []) {
    if (f.frame) continue;
    const frame = document.createElement("iframe");
    frame.className = "frame";
    frame.setAttribute("title", box.dataset.title || "");
    frame.setAttribute("loading", "eager");
    frame.addEventListener("load", () => {
      try { frame.contentWindow.addEventListener("keydown", onKey, true); } catch (e) { /* another origin */ }
    });
    frame.src = f.url;
    f.holder.insertBefore(frame, f.holder.firstChild);
    f.frame = frame;
    fitFrame(f);
    if (window.ResizeObserver && !f.observer) {
      f.observer = new ResizeObserver(() => fitFrame(f));
      f.observer.observe(f.holder);
    }
    f.timer = watchFrame(frame, onReady);
  }
}

function dropFrames(box) {
  for (const f of box.__frames || []) {
    if (!f.frame) continue;
    clearInterval(f.timer);
    f.frame.remove();
    f.frame = null;
  }
}

function slideReady(box) {
  return (box.__frames || []).every((f) => f.frame && f.frame.dataset.ready === "1");
}

// ------------------------------------------------------------------ the same map in another year
// Each frame of a view or pair slide carries its `morph` key (ui/deckurls.morph_key: page, settings but the year,
// outlined region; null for a view that is not one map). A step between two slides whose frames are the same
// views or the same maps in other figures is made in place: the frames on screen stay (their slide's box
// "lent", only its frames visible, over the new current slide's own, hidden: "borrows"), and each map among them
// is given the view the other slide's frame shows (that frame is loaded and drawn, hidden), its colours moving
// there (mapview.js listenToDeck). The lent frames go back to their own view, unseen, once a step shows another
// slide normally.
function tellLook(box, other, animate) {
  (box.__frames || []).forEach((f, i) => {
    try {
      const w = f.frame.contentWindow;
      let view = null;  // null: the frame's own view
      if (other) {
        const source = other.__frames[i].frame.contentWindow.__balSlideMap;
        if (typeof source !== "function") return;  // not a map: the same view on both slides
        view = source();
      }
      w.dispatchEvent(new w.CustomEvent("bal-deck-look", { detail: { view, animate } }));
    } catch (e) { /* not loaded, or another origin */ }
  });
}

function canMorph(spec, from, to) {
  const a = spec.slides[from], b = spec.slides[to];
  if (from === to || !a || !b || a.kind !== b.kind || !a.frames || !b.frames || a.frames.length !== b.frames.length) {
    return false;
  }
  let moves = 0;
  for (let i = 0; i < a.frames.length; i++) {
    const fa = a.frames[i], fb = b.frames[i];
    if (fa.url === fb.url) continue;  // the same view: nothing to tell
    if (!fa.morph || fa.morph !== fb.morph) return false;
    moves += 1;
  }
  return moves > 0;
}

// ------------------------------------------------------------------ present
function present(component, spec, st) {
  const { parentElement, setTriggerValue } = component;
  const n = spec.slides.length;
  if (!st.root) {
    st.root = div("bal-deck present", parentElement);
    st.root.tabIndex = 0;
    st.stage = div("stage", st.root);
    st.boxes = spec.slides.map((s, i) => slideBox(st.stage, "slide", s, i));
    st.counter = div("counter", st.root);
    st.black = div("black", st.root);
    st.black.hidden = true;
    const hint = div("hint", st.root, spec.labels.keys);  // the keys, said once at the start
    setTimeout(() => hint.classList.add("gone"), 4000);
    if (!n) div("empty", st.stage, spec.labels.empty);
    st.shown = 0;
    st.want = Math.min(Math.max(spec.start || 1, 1), Math.max(n, 1));
  }
  const write = (k) => {
    window.__balOwn = { path: window.location.pathname, keys: { slide_no: k > 1 ? String(k) : null } };
    keepOwnKeys();
    try { window.history.replaceState(window.history.state, "", withKeys(window.location.href, window.__balOwn)); } catch (e) { /* ignore */ }
  };
  // the box whose frames are on screen: the current slide's, or the one lent to it (the same map, another year)
  const face = () => st.boxes[st.face ?? st.shown - 1];
  const showNow = (k, lend) => {
    clearTimeout(st.waiting);
    const was = st.face;
    if (lend === undefined && was !== undefined && was !== k - 1) tellLook(st.boxes[was], null, false);
    st.face = lend ?? k - 1;
    st.boxes.forEach((b, i) => {
      b.classList.toggle("current", i + 1 === k);
      b.classList.toggle("lent", i === st.face && i !== k - 1);
      b.classList.toggle("borrows", i + 1 === k && st.face !== k - 1);
    });
    if (lend !== undefined) tellLook(st.boxes[lend], lend === k - 1 ? null : st.boxes[k - 1], true);
    st.shown = k;
    st.counter.textContent = n ? spec.labels.counter.replace("{n}", k).replace("{total}", n) : "";
    st.root.dataset.slide = String(k);
    st.root.dataset.ready = slideReady(face()) ? "1" : "0";
    st.root.dataset.morph = lend !== undefined ? "1" : "";
    write(k);
  };
  // slide k now, in place when it is the frames on screen in other figures (both drawn), else swapped in once
  // its frames are drawn; false: not yet
  const step = (k) => {
    const ready = slideReady(st.boxes[k - 1]);
    const back = st.face === k - 1 && st.shown !== k;  // back to the slide whose frames are lent
    if (st.shown && slideReady(face()) && (back || (ready && canMorph(spec, st.face, k - 1)))) showNow(k, st.face);
    else if (!st.shown || ready) showNow(k);
    else return false;
    return true;
  };
  const onReady = () => {
    if (st.want !== st.shown) step(st.want);
    else if (st.shown) st.root.dataset.ready = slideReady(face()) ? "1" : "0";
  };
  const go = (k) => {
    if (!n) return;
    k = Math.min(Math.max(k, 1), n);
    st.want = k;
    st.boxes.forEach((b, i) => {
      const d = Math.abs(i + 1 - k);
      if (d <= KEEP) loadFrames(b, st.onKey, onReady);
      else if (d > DROP && i !== st.face) dropFrames(b);
    });
    if (!step(k)) {  // its figure is still being drawn: the slide shown stays up until it is (at most ready_wait_ms)
      clearTimeout(st.waiting);
      st.waiting = setTimeout(() => { if (st.want === k) showNow(k); }, spec.ready_wait_ms);
    }
  };
  st.onKey = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    let handled = true;
    if (key === "Escape") { window.__balOwn = null; setTriggerValue("exit", st.want); }
    else if (key === "b" || key === "B" || key === ".") { st.black.hidden = !st.black.hidden; }
    else if (key === " " && e.shiftKey) go(st.want - 1);
    else if (NEXT.has(key)) go(st.want + 1);
    else if (PREV.has(key)) go(st.want - 1);
    else if (key === "Home") go(1);
    else if (key === "End") go(n);
    else handled = false;
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  };
  document.addEventListener("keydown", st.onKey, true);
  for (const b of st.boxes) for (const f of b.__frames || []) {
    try { if (f.frame) f.frame.contentWindow.addEventListener("keydown", st.onKey, true); } catch (e) { /* ignore */ }
  }
  st.root.focus({ preventScroll: true });
  go(st.want);
  return () => {
    document.removeEventListener("keydown", st.onKey, true);
    for (const b of st.boxes) for (const f of b.__frames || []) {
      try { if (f.frame) f.frame.contentWindow.removeEventListener("keydown", st.onKey, true); } catch (e) { /* ignore */ }
    }
  };
}

// ------------------------------------------------------------------ print
function print(component, spec, st) {
  const { parentElement } = component;
  if (!st.root) {
    st.root = div("bal-deck print", parentElement);
    st.status = div("status", st.root);
    st.boxes = spec.slides.map((s, i) => {
      const box = slideBox(st.root, "slide page", s, i);
      div("page-number", box, spec.labels.counter.replace("{n}", i + 1).replace("{total}", spec.slides.length));
      return box;
    });
    st.started = performance.now();
  }
  const total = st.boxes.reduce((a, b) => a + (b.__frames || []).length, 0);
  const done = () => st.boxes.reduce((a, b) => a + (b.__frames || []).filter((f) => f.frame && f.frame.dataset.ready === "1").length, 0);
  const update = () => {
    const ready = done();
    const all = ready === total || performance.now() - st.started > spec.print_wait_ms;
    st.status.textContent = all ? spec.labels.ready : spec.labels.preparing.replace("{n}", ready).replace("{total}", total);
    if (all && !st.printed) {
      st.printed = true;
      st.root.dataset.ready = "1";
      const again = document.createElement("button");
      again.type = "button";
      again.textContent = spec.labels.print;
      again.onclick = () => window.print();
      st.status.appendChild(again);
      setTimeout(() => window.print(), 300);
    }
  };
  for (const b of st.boxes) loadFrames(b, () => {}, update);
  clearInterval(st.tick);
  st.tick = setInterval(update, 1000);
  update();
  return () => clearInterval(st.tick);
}

export default function (component) {
  const { data: spec, parentElement } = component;
  if (!spec || !spec.slides) return undefined;
  let st = parentElement.__balDeck;
  const key = `${spec.mode}|${spec.deck}|${spec.version}|${spec.lang}`;
  if (!st || st.key !== key) {
    if (st && st.root) { st.boxes.forEach(dropFrames); st.root.remove(); }
    st = { key };
    parentElement.__balDeck = st;
  }
  return spec.mode === "print" ? print(component, spec, st) : present(component, spec, st);
}
