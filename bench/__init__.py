"""Performance benchmark of the 균형 dashboard: `python -m bench [--quick] [--raw-dir DIR] [--json PATH]`.

Sections: build time (all sources, embedded only) · page run times under AppTest (cold/warm)
· map reruns (year at 시도/시군구, level, indicator) · figure payload and geometry sizes against
the naive raw-boundary baseline · the live server (startup, first map paint in headless
Chromium, every page once, RSS) · 20 and 50 concurrent WebSocket sessions changing the year
(sessions held, errors, p50/p95 latency, throughput).
Everything runs on 127.0.0.1; built data goes to a temp folder, never to data/.
"""
