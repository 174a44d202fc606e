"""Rows as a script appends them, made whole before validation: a missing ``id``, a team named by its name.

PRODUCT.md describes an entry as phase, kind, text, team; a script that appends ``[[entries]]`` that way
writes no ``id``. ``complete`` gives each row without one the next free id of its list (``e<N>`` for
entries, ``o<N>`` options, ``a<N>`` actions, ``t<N>`` teams, ``p<N>`` participants), so the next save
writes it and it stays. A ``team`` may name a team by its id or by its exact name; a name is replaced by
the id. Anything that is not the expected shape is left alone for validation to word.

Plain Python over the parsed TOML (dicts and lists): no pydantic, no model.
"""

from __future__ import annotations

import re
from typing import Any

PREFIXES = {"teams": "t", "participants": "p", "entries": "e", "options": "o", "actions": "a"}
_REFERRING = ("participants", "entries", "options", "actions", "assessments")


def complete(data: Any) -> Any:
    """``data`` (the parsed file) with ids filled and team names resolved; changed in place, returned."""
    if not isinstance(data, dict):
        return data
    for name, prefix in PREFIXES.items():
        rows = data.get(name)
        if isinstance(rows, list):
            _fill_ids(rows, prefix)
    teams = data.get("teams")
    if not isinstance(teams, list):
        return data
    ids = {row["id"] for row in teams if isinstance(row, dict) and isinstance(row.get("id"), str)}
    by_name: dict[str, str] = {}
    shared: set[str] = set()  # a name two teams have names neither: the reference stays and is refused
    for row in teams:
        if isinstance(row, dict) and isinstance(row.get("id"), str) and isinstance(row.get("name"), str):
            if row["name"] in by_name:
                shared.add(row["name"])
            by_name[row["name"]] = row["id"]
    for name in shared:
        del by_name[name]
    if not by_name:
        return data
    lists = [data.get(name) for name in _REFERRING]
    workshop = data.get("workshop")
    if isinstance(workshop, dict):
        lists.append(workshop.get("pre_questions"))
    for rows in lists:
        if isinstance(rows, list):
            _resolve_teams(rows, ids, by_name)
    return data


def _fill_ids(rows: list[Any], prefix: str) -> None:
    missing = [row for row in rows if isinstance(row, dict) and "id" not in row]
    if not missing:
        return
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    top = 0
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            match = pattern.fullmatch(row["id"])
            if match:
                top = max(top, int(match.group(1)))
    for row in missing:
        top += 1
        row["id"] = f"{prefix}{top}"


def _resolve_teams(rows: list[Any], ids: set[str], by_name: dict[str, str]) -> None:
    for row in rows:
        if isinstance(row, dict):
            team = row.get("team")
            if isinstance(team, str) and team not in ids and team in by_name:
                row["team"] = by_name[team]
