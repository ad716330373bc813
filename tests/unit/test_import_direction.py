"""Dependencies point one way: every module of the project sits on a layer and imports only
modules of lower layers (or, where a layer allows it, of its own layer), and nothing imports in a
circle. The layer order is written out here once, for every module; there is no list of exceptions.

Imports are read from the source with `ast` (module level and inside functions alike), so a lazy
import inside a function counts as much as one at the top of the file.
"""
from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("geo", "indicators", "decks", "app_data", "ui", "app_pages", "deploy", "bench")
TOP_MODULES = ("app", "app_analyses")

# (layer name, module-name patterns (full match), may a module import others of its own layer?)
LAYERS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("settings", (r"indicators", r"indicators\.config", r"indicators\.errors", r"indicators\.hangul"), False),
    ("regions", (r"geo", r"geo\.\w+"), True),
    # the decks' records and storage: on region codes only, never on the data, the cache or the pages
    ("decks", (r"decks", r"decks\.\w+"), True),
    ("tables", (r"indicators\.schema", r"indicators\.manifest", r"indicators\.inequality",
                r"indicators\.bivariate", r"indicators\.sources", r"indicators\.sources\._io",
                r"indicators\.sources\._files", r"indicators\.sources\._kosis", r"indicators\.sources\._mois",
                # the metadata registry (YAML → records): read by the sources, so below them
                r"indicators\.registry", r"indicators\.registry_yaml", r"indicators\.registry_checks"), True),
    # a source reads its own files: it may not import a sibling source (shared helpers: _io, _files, _kosis)
    ("sources", (r"indicators\.sources\.[a-z]\w*", r"indicators\.derive", r"indicators\.restate",
                 r"indicators\.reference_points"), False),
    ("catalogue", (r"indicators\.catalog",), False),
    ("computation", (r"indicators\.gap", r"indicators\.checks", r"indicators\.disparity",
                     r"indicators\.composite", r"indicators\.designation_views", r"indicators\.store",
                     r"indicators\.build", r"indicators\.origins", r"indicators\.set_checks", r"indicators\.month_end",
                     r"indicators\.__main__"), True),
    # the views package re-exports its modules (one per job); they may build on each other
    ("views", (r"indicators\.views", r"indicators\.views\.\w+"), True),
    # the cached loaders, one module per job (the build a run reads below the tables, the tables below
    # what is read from them)
    ("cache", (r"app_data", r"app_data\.\w+"), True),
    ("cached analyses", (r"app_analyses",), False),
    # the kit, with its packages of one module per job (ui.state, ui.maps)
    ("ui kit", (r"ui", r"ui\.(?!panels\b)\w+", r"ui\.(?!panels\b)\w+\.\w+"), True),
    # what one page shows: built on the kit, never on another panel
    ("ui panels", (r"ui\.panels", r"ui\.panels\.\w+"), False),
    ("pages", (r"app_pages\.\w+", r"app"), False),
    # serving: processes behind nginx (publishes the map geometry through ui.mapview)
    ("deploy", (r"deploy", r"deploy\.\w+"), True),
    ("bench", (r"bench", r"bench\.\w+", r"bench\.sections\.\w+"), True),
)


def module_files() -> dict[str, Path]:
    """Dotted module name → file, for every project module (tests excluded)."""
    files = {name: ROOT / f"{name}.py" for name in TOP_MODULES}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return files


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """Project modules that `module` imports (a name imported from a package counts as the
    sub-module when one exists, else as the package)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node, module, path.name == "__init__.py")
            subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            found.update(subs or [target])
    return {m for m in found if m in known} - {module}


def layer_of(module: str) -> int:
    hits = [i for i, (_, patterns, _) in enumerate(LAYERS) if any(re.fullmatch(p, module) for p in patterns)]
    assert len(hits) == 1, f"{module} matches layers {[LAYERS[i][0] for i in hits]} (needs exactly one)"
    return hits[0]


def graph() -> dict[str, set[str]]:
    files = module_files()
    return {m: imports_of(m, p, set(files)) for m, p in files.items()}


def test_every_module_has_one_layer():
    for module in module_files():
        layer_of(module)


def test_imports_point_down():
    wrong = []
    for module, targets in graph().items():
        own = layer_of(module)
        for target in sorted(targets):
            low = layer_of(target)
            if low > own or (low == own and not LAYERS[own][2]):
                wrong.append(f"{module} ({LAYERS[own][0]}) imports {target} ({LAYERS[low][0]})")
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(wrong)


def test_no_import_cycle():
    try:
        tuple(TopologicalSorter(graph()).static_order())
    except CycleError as err:
        raise AssertionError(f"import cycle: {' -> '.join(err.args[1])}") from None


def test_the_checker_sees_what_it_must():
    """The reader finds relative, aliased, function-local and `from package import module` imports."""
    src = ("import geo.regions as r\nfrom . import config\n"
           "def f():\n    from indicators.sources import census\n")
    path = ROOT / "tests" / "unit" / "_probe_module.py"
    try:
        path.write_text(src, encoding="utf-8")
        known = {"geo.regions", "indicators.config", "indicators.sources", "indicators.sources.census",
                 "indicators.catalog"}
        got = imports_of("indicators.catalog", path, known)
    finally:
        path.unlink(missing_ok=True)
    assert got == {"geo.regions", "indicators.config", "indicators.sources.census"}
