"""The contract between the runner and a section: the `Section` it declares and the `Context` it runs with.

A section is a module of bench/sections/ exposing `SECTION = Section(...)`; its `run(ctx, deadline)`
measures, appends table lines to `ctx.figures` and puts its JSON detail in `ctx.sections[name]`.
What several sections share (the data folder, AppTest setup, geometry sizes, the live server) is
asked for by name in `Section.needs` and provided once by bench/fixtures.py.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.figures import Figure
from bench.plan import Plan
from bench.server import Server


@dataclass
class Context:
    """Everything one bench run shares between its sections."""

    plan: Plan
    work: Path  # temp folder of this run (built data, server log)
    skip: frozenset[str]  # sections left out on the command line
    raw_dir: Path | None
    raw_from: str  # where raw_dir came from (--raw-dir, $BALANCE_RAW_DIR, data/raw)
    figures: list[Figure] = field(default_factory=list)
    sections: dict[str, Any] = field(default_factory=dict)  # section name → JSON detail
    errors: list[dict] = field(default_factory=list)
    data_dir: Path | None = None  # what the app reads ($BALANCE_DATA_DIR)
    pages: list[str] = field(default_factory=list)  # the app's page names (those measured)
    only_pages: tuple[str, ...] = ()  # --page: measure only these (empty: every page)
    geo: dict[str, dict] = field(default_factory=dict)  # level → map geometry bytes/kb/gzip/features/file
    server: Server | None = None
    empty_server: Server | None = None  # the baseline page (bench/empty_app.py) under its own streamlit run
    bench_set_log_level: bool = False  # the bench itself set $STREAMLIT_LOGGER_LEVEL
    provided: set[str] = field(default_factory=set)  # fixtures provided (or failed for good)
    unavailable: set[str] = field(default_factory=set)

    def detail(self, name: str) -> dict[str, Any]:
        """The JSON detail of section `name` (created empty)."""
        return self.sections.setdefault(name, {})

    def add_error(self, section: str, message: str, **more: str) -> None:
        self.errors.append({"section": section, "error": message, **more})


@dataclass(frozen=True)
class Section:
    """One measured section: its name (table and --skip), what it runs, its time guard per mode."""

    name: str
    run: Callable[[Context, float], None]  # (context, monotonic deadline)
    time_s: Mapping[str, float]  # plan name ("quick" / "full") → seconds
    needs: tuple[str, ...] = ()  # fixtures, in the order to provide them (see bench/fixtures.py)
