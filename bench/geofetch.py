"""Requests for the map's geometry files seen by Chromium (DevTools protocol, `Network` domain):
how often each geometry URL was asked for, and how often it came over the network rather than
from the browser's cache."""
from __future__ import annotations

GEO_PART = "/app/static/geo/"


class GeometryRequests:
    """Per geometry URL: requests issued and network fetches (responses not served from a cache)."""

    def __init__(self, context, page):
        self.requested: dict[str, int] = {}
        self.fetched: dict[str, int] = {}
        self.from_cache: dict[str, int] = {}
        self.urls: dict[str, str] = {}  # request id → url
        cdp = context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", self._served_from_cache)
        cdp.on("Network.responseReceived", self._response)
        cdp.send("Network.enable")
        self.cdp = cdp

    @staticmethod
    def _name(url: str) -> str | None:
        return url.split(GEO_PART, 1)[1].split("?")[0] if GEO_PART in url else None

    def _sent(self, ev: dict) -> None:
        name = self._name(ev["request"]["url"])
        if name:
            self.urls[ev["requestId"]] = name
            self.requested[name] = self.requested.get(name, 0) + 1

    def _served_from_cache(self, ev: dict) -> None:
        name = self.urls.get(ev["requestId"])
        if name:
            self.from_cache[name] = self.from_cache.get(name, 0) + 1

    def _response(self, ev: dict) -> None:
        name = self._name(ev["response"]["url"])
        if not name:
            return
        resp = ev["response"]
        if resp.get("fromDiskCache") or resp.get("fromPrefetchCache") or resp.get("fromServiceWorker"):
            self.from_cache[name] = self.from_cache.get(name, 0) + 1
        else:
            self.fetched[name] = self.fetched.get(name, 0) + 1

    def by_level(self) -> dict[str, dict]:
        """level ('2024-sigungu-<hash>.json' → 'sigungu') → {file, requested, fetched, from_cache}."""
        out: dict[str, dict] = {}
        for name in sorted(set(self.requested) | set(self.fetched)):
            level = name.rsplit("-", 2)[-2]
            out.setdefault(level, {"files": [], "requested": 0, "fetched": 0, "from_cache": 0})
            row = out[level]
            row["files"].append(name)
            row["requested"] += self.requested.get(name, 0)
            row["fetched"] += self.fetched.get(name, 0)
            row["from_cache"] += self.from_cache.get(name, 0)
        return out
