"""A small TOML writer on top of tomli-w that gives diff-friendly files.

tomli-w writes short arrays of tables inline (``agenda = [ { phase = ... }, ]``). A session file reads and
diffs better with one ``[[agenda]]`` section per item, so this walks the dict itself: plain values (and arrays
of plain values) go through ``tomli_w.dumps`` one key at a time; sub-tables become ``[a.b]`` sections and
every non-empty array of tables becomes ``[[a.b]]`` sections, after the plain values of their table.
An empty array is written as ``key = []`` so the key stays visible.

An item of an array of tables may also be a ``Block``: its ``[[a.b]]`` section already written (by
``plain_block``, so the text is the same), copied as it is. ``toml_memo`` uses that to skip unchanged items.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import tomli_w

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class Block:
    """One ``[[a.b]]`` section as text: a blank line, the header, its lines (no trailing newline)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def dumps_tables(data: Mapping[str, Any], header: str = "") -> str:
    """``data`` as TOML text; ``header`` (one or more lines) becomes leading ``#`` comments."""
    out: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    _table(data, (), out)
    return "\n".join(out).strip("\n") + "\n"


def section_head(path: tuple[str, ...]) -> str:
    """What starts the section of each item of the array of tables at ``path``: ``"\\n[[a.b]]"``."""
    return f"\n[[{_name(path)}]]"


def plain_block(head: str, fields: Mapping[str, Any]) -> Block:
    """The section of one item with plain values only (no tables in it), exactly as ``dumps_tables``
    writes it: ``head`` from ``section_head``, then the values, one tomli-w call as in ``_table``."""
    if not fields:
        return Block(head)
    return Block(head + "\n" + tomli_w.dumps(fields).rstrip("\n"))


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


_ITEM_TYPES = (Block, Mapping)  # a tuple: checks a Block first, the common case in a big file


def _is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, _ITEM_TYPES) for item in value)


def _key(key: str) -> str:
    if _BARE_KEY.fullmatch(key):
        return key
    line = tomli_w.dumps({key: 0})
    return line[: line.rindex(" = 0")]


def _name(path: tuple[str, ...]) -> str:
    return ".".join(_key(part) for part in path)


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
        where = (*path, key)
        name = _name(where)
        if _is_table(value):
            out.extend(["", f"[{name}]"])
            _table(value, where, out)
            continue
        for item in value:
            if type(item) is Block:
                out.append(item.text)
            else:
                out.extend(["", f"[[{name}]]"])
                _table(item, where, out)
