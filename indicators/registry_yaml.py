"""Strict reading of the registry's YAML files: every key known, required keys present, types exact.

Errors are `RegistryError`s naming the file, the entry (e.g. "indicator 'grdp_nominal_krw_mn'") and
the key. Types: 'str', 'int' (not bool), 'bool', 'num' (int or float, not bool), 'strs' (a list of
strings → tuple), 'ints' / 'nums' (a list of integers / numbers → tuple), 'str_map' (mapping str → str),
'strs_map' (mapping str → list of str → tuple), 'map' (a mapping, read further by its own spec),
'maps' (a list of mappings).
"""
from __future__ import annotations

from pathlib import Path

import yaml

Spec = dict[str, tuple[str, bool]]  # key → (type, required)


class RegistryError(ValueError):
    """A registry file breaks a rule: names the file, the entry and the key."""

    def __init__(self, path: Path, entry: str, key: str, problem: str):
        self.path, self.entry, self.key, self.problem = Path(path), entry, key, problem
        super().__init__(f"{Path(path).name} ({path}): {entry}, key {key!r}: {problem}")


def read(path: Path, top_keys: dict[str, bool]) -> dict:
    """The file's top-level mapping, with exactly the known keys (key → required)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RegistryError(path, "file", "-", f"cannot read YAML: {err}") from None
    if not isinstance(data, dict):
        raise RegistryError(path, "file", "-", "expected a mapping at the top level")
    for key in data:
        if key not in top_keys:
            raise RegistryError(path, "file", str(key), f"unknown key; expected {sorted(top_keys)}")
    for key, needed in top_keys.items():
        if needed and key not in data:
            raise RegistryError(path, "file", key, "missing required key")
    return data


def required_list(path: Path, key: str, value) -> list:
    if not isinstance(value, list):
        raise RegistryError(path, "file", key, f"expected a list, got {type(value).__name__}")
    return value


def _typed(value, kind: str):
    """`value` converted to `kind`, or None if it does not have that type."""
    if kind == "str":
        return value if isinstance(value, str) else None
    if kind == "int":
        return value if type(value) is int else None
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if kind == "num":
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "strs":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return tuple(value) if ok else None
    if kind == "str_map":
        ok = isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        return dict(value) if ok else None
    if kind == "map":
        return dict(value) if isinstance(value, dict) else None
    if kind == "maps":
        ok = isinstance(value, list) and all(isinstance(v, dict) for v in value)
        return list(value) if ok else None
    if kind == "nums":
        ok = isinstance(value, list) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        return tuple(float(v) for v in value) if ok else None
    if kind == "ints":
        ok = isinstance(value, list) and all(type(v) is int for v in value)
        return tuple(value) if ok else None
    if kind == "strs_map":
        ok = isinstance(value, dict) and all(isinstance(k, str) and _typed(v, "strs") is not None
                                             for k, v in value.items())
        return {k: tuple(v) for k, v in value.items()} if ok else None
    raise ValueError(f"unknown type {kind!r}")


_WANT = {"str": "a string", "int": "an integer", "bool": "true or false", "num": "a number",
         "strs": "a list of strings", "str_map": "a mapping of strings to strings",
         "strs_map": "a mapping of strings to lists of strings", "map": "a mapping", "maps": "a list of mappings",
         "nums": "a list of numbers", "ints": "a list of integers"}


def fields(path: Path, entry: str, data, spec: Spec) -> dict:
    """The entry's keys, checked against `spec` and converted (absent optional keys left out)."""
    if not isinstance(data, dict):
        raise RegistryError(path, entry, "-", f"expected a mapping of keys, got {type(data).__name__}")
    out = {}
    for key, value in data.items():
        if key not in spec:
            raise RegistryError(path, entry, str(key), f"unknown key; known keys: {', '.join(spec)}")
        typed = _typed(value, spec[key][0])
        if typed is None:
            raise RegistryError(path, entry, key, f"expected {_WANT[spec[key][0]]}, got "
                                f"{type(value).__name__} {value!r}")
        out[key] = typed
    for key, (_, needed) in spec.items():
        if needed and key not in out:
            raise RegistryError(path, entry, key, "missing required key")
    return out


def records(path: Path, kind: str, id_key: str, data, spec: Spec) -> list[dict]:
    """A list of entries of one kind, each checked by `fields`; a repeated id raises."""
    seen: set[str] = set()
    out = []
    for i, entry in enumerate(required_list(path, kind, data)):
        name = entry.get(id_key) if isinstance(entry, dict) and isinstance(entry.get(id_key), str) else f"#{i + 1}"
        values = fields(path, f"{kind} {name!r}", entry, spec)
        if values[id_key] in seen:
            raise RegistryError(path, f"{kind} {name!r}", id_key, f"{kind} {name!r} is declared twice")
        seen.add(values[id_key])
        out.append(values)
    return out
