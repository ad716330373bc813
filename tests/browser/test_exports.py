"""Exported map images (SVG and PNG, made in the browser by ui/assets/mapview.js), measured, not only
searched for text: on the default map (Korean, no parameters) and the composite map,

- every line of text lies inside the image, and the footer's lines joined give the whole source line
  the page shows under the map (nothing cut: it once ended "…65세 이상 인구 (주");
- a continuous scale is exported as the whole ramp (a gradient with every colour stop of the legend on
  screen, the darkest included), not as a few swatches;
- the missing-data swatch is hatched: grey and white pixels both inside it in the PNG;
- the PNG is the SVG drawn at 2×.
"""
from __future__ import annotations

import re

import pytest

from helpers.browser import SHOTS, no_exception

READY = ".bal-map[data-ready='1']"
PAGES = {"map": "/map", "composite": "/composite"}


def _export(browser, url: str, name: str):
    page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    source_on_screen = page.locator(".bal-source").inner_text().strip()
    stops_on_screen = page.evaluate("""() => { const host = [...document.querySelectorAll('*')]
        .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map'));
        const g = (host ? host.shadowRoot : document).querySelector('.bal-lg-grad');
        return g ? g.style.background : ''; }""")
    with page.expect_download(timeout=30_000) as svg_dl:
        page.locator(".bal-export button").nth(1).click()
    svg_path = SHOTS / f"export_{name}.svg"
    svg_dl.value.save_as(str(svg_path))
    with page.expect_download(timeout=30_000) as png_dl:
        page.locator(".bal-export button").nth(0).click()
    png_path = SHOTS / f"export_{name}.png"
    png_dl.value.save_as(str(png_path))
    no_exception(page)
    page.close()
    return svg_path.read_text(encoding="utf-8"), png_path, source_on_screen, stops_on_screen


_MEASURE = """() => {
  const svg = document.querySelector('svg');
  const W = +svg.getAttribute('width'), H = +svg.getAttribute('height');
  const texts = [...svg.children].filter(n => n.tagName === 'text').map(t => {
    const b = t.getBBox();
    return {text: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height,
            role: t.getAttribute('class') || ''};
  });
  const missing = [...svg.querySelectorAll('rect')].find(r => (r.getAttribute('fill') || '').includes('hatch'));
  const ramp = svg.querySelector('linearGradient#bal-ramp');
  return {W, H, texts,
          missing: missing && {x: +missing.getAttribute('x'), y: +missing.getAttribute('y'),
                               w: +missing.getAttribute('width'), h: +missing.getAttribute('height')},
          ramp: ramp ? [...ramp.querySelectorAll('stop')].map(s => s.getAttribute('stop-color')) : null};
}"""

_PIXELS = """async ([src, box]) => {
  const img = new Image(); img.src = src; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(box.x * 2 + 4, box.y * 2 + 4, box.w * 2 - 8, box.h * 2 - 8).data;
  let grey = 0, white = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245) white++;
    else if (Math.abs(d[i] - d[i + 1]) < 12 && d[i] < 200) grey++;
  }
  return {width: img.width, height: img.height, grey, white};
}"""


@pytest.mark.parametrize("name", PAGES)
def test_exported_image_holds_its_whole_source_line_and_legend(server, browser, name):
    svg, png, source, stops = _export(browser, server + PAGES[name], name)
    page = browser.new_page()
    page.set_content(svg)
    m = page.evaluate(_MEASURE)
    for t in m["texts"]:
        assert t["x"] >= 0 and t["right"] <= m["W"] + 0.5, f"text beyond the right edge: {t}"
        assert t["y"] >= 0 and t["bottom"] <= m["H"] + 0.5, f"text below the image: {t}"
    # the footer's lines (source, then note) joined: the source line the page shows ('source · note')
    foot = "".join(t["text"] for t in m["texts"] if t["role"] in ("bal-x-source", "bal-x-note"))
    assert re.sub(r"[\s·]+", "", foot) == re.sub(r"[\s·]+", "", source), (foot, source)
    # the missing-data swatch is hatched in the PNG (grey stripes on white), at 2× the SVG
    import base64

    src = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
    px = page.evaluate(_PIXELS, [src, m["missing"]])
    assert (px["width"], px["height"]) == (2 * m["W"], 2 * m["H"])
    assert px["grey"] > 0 and px["white"] > 0, px
    if stops:  # a continuous scale: the ramp carries every colour of the legend on screen
        on_screen = re.findall(r"rgb\([^)]*\)|#[0-9a-fA-F]{6}", stops)
        assert m["ramp"] and len(m["ramp"]) == len(on_screen), (m["ramp"], on_screen)
    page.close()
