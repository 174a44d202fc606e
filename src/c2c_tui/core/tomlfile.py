"""A small TOML writer on top of tomli-w that gives diff-friendly files.

tomli-w writes short arrays of tables inline (``agenda = [ { phase = ... }, ]``). A session file reads and
diffs better with one ``[[agenda]]`` section per item, so this walks the dict itself: plain values (and arrays
of plain values) go through ``tomli_w.dumps`` one key at a time; sub-tables become ``[a.b]`` sections and
every non-empty array of tables becomes ``[[a.b]]`` sections, after the plain values of their table.
An empty array is written as ``key = []`` so the key stays visible.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import tomli_w

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dumps_tables(data: Mapping[str, Any], header: str = "") -> str:
    """``data`` as TOML text; ``header`` (one or more lines) becomes leading ``#`` comments."""
    out: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    _table(data, (), out)
    return "\n".join(out).strip("\n") + "\n"


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _key(key: str) -> str:
    if _BARE_KEY.fullmatch(key):
        return key
    line = tomli_w.dumps({key: 0})
    return line[: line.rindex(" = 0")]


def _table(data: Mapping[str, Any], path: tuple[str, ...], out: list[str]) -> None:
    nested: list[tuple[str, Any]] = []
    plain: dict[str, Any] = {}
    for key, value in data.items():
        if _is_table(value) or _is_array_of_tables(value):
            nested.append((key, value))
        else:
            plain[key] = value
    if plain:  # one tomli-w call per table: its plain values, one `key = value` line each
        out.append(tomli_w.dumps(plain).rstrip("\n"))
    for key, value in nested:
        name = ".".join(_key(part) for part in (*path, key))
        items = [value] if _is_table(value) else value
        brackets = ("[", "]") if _is_table(value) else ("[[", "]]")
        for item in items:
            out.extend(["", f"{brackets[0]}{name}{brackets[1]}"])
            _table(item, (*path, key), out)
