"""Performance benchmark of the 균형 dashboard: `python -m bench [--quick] [--raw-dir DIR] [--json PATH]`.

Sections: build time (all sources, embedded only) · page run times under AppTest (cold/warm)
· map reruns (year at 시도/시군구, level, indicator) · figure payload and geometry sizes against
the naive raw-boundary baseline · the live server (startup, first map paint in headless
Chromium, every page once, RSS) · 20 and 50 concurrent WebSocket sessions changing the year
(sessions held, errors, p50/p95 latency, throughput).
Everything runs on 127.0.0.1; built data goes to a temp folder, never to data/.

Layout: `sections/` holds one module per section and, in its `__init__`, the list of them in
order (a new section = a new module there + one line in that list); `runner` runs them,
`fixtures` provides what they share (data folder, AppTest setup, geometry sizes, live server),
`report` writes the JSON and prints the table. Helpers: `apptest`, `mapsession`, `browser`,
`wsclient`, `load`, `server`, `datadir`; pure parts: `plan`, `budgets`, `figures`, `stats`,
`table`, `document`, `mapspec`, `changes` (covered by tests/unit/test_bench_smoke.py).
"""
