"""The actions' latest states as the home list counts them, from the sessions' rows alone (pure).

``rows_latest(library)`` follows ``series.track(library, reviewed_only=True)`` step for step (the same
files resolved the same way, the same order, a change in the action's own file after a review winning),
keeping of each reviewed action only what the counts read: its latest status, its latest due date, and
whether a later workshop changed it last. ``latest.Latest`` keeps the whole story for the session review;
a test holds the two to the same counts. It imports neither (the home screen's first frame needs neither).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..times import EARLIEST
from .library import Library, SessionInfo

State = tuple[str, date | None, bool]  # latest status, latest due date, changed last by a later workshop
OPEN_STATES = frozenset({"open", "in_progress"})  # as ``series.OPEN_STATES``


class Counts(Protocol):
    """What a list of sessions reads of the actions' latest states (``RowLatest``, ``latest.Latest``)."""

    def counts(self, info: SessionInfo, today: date) -> tuple[int, int]: ...

    def changed(self, info: SessionInfo) -> int: ...


@lru_cache(maxsize=65536)  # as ``latest._key``: the same few thousand paths, many times over
def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


@dataclass(frozen=True)
class RowLatest:
    """Each reviewed action's latest state, by (file, action id); one not found is as its own file says."""

    items: dict[tuple[str, str], State] = field(default_factory=dict)

    def counts(self, info: SessionInfo, today: date) -> tuple[int, int]:
        """(open, late) for one session: open or in progress, and of those past their due date, as of now."""
        opened = late = 0
        key = _key(info.path) if self.items else ""
        for action in info.actions:
            found = self.items.get((key, action.id)) if self.items else None
            status, due = (action.status, action.due) if found is None else found[:2]
            if found is None:
                opened += status == "open"
                late += status == "open" and due is not None and due < today
            else:
                opened += status in OPEN_STATES
                late += status in OPEN_STATES and due is not None and due < today
        return opened, late

    def changed(self, info: SessionInfo) -> int:
        """How many of the session's actions a later workshop changed last."""
        if not self.items:
            return 0
        key = _key(info.path)
        return sum(1 for a in info.actions if self.items.get((key, a.id), ("", None, False))[2])


def rows_latest(library: Library) -> RowLatest:
    infos = sorted(library.sessions, key=lambda i: (i.sort_date, i.mtime, i.path.name))
    by_path = {_key(info.path): info for info in infos}
    by_created = {info.row.created: info for info in infos if info.row.created is not None}
    steps: dict[tuple[str, str], list[tuple[datetime, str, date | None, str]]] = {}
    for info in infos:
        for review in info.row.reviews:
            target = by_path.get(_key(info.path.parent / review.file))
            if target is None and review.workshop is not None:
                target = by_created.get(review.workshop)
            if target is None or target is info:
                continue
            step = (review.at, review.outcome, review.due, _key(info.path))
            steps.setdefault((_key(target.path), review.item), []).append(step)
    items: dict[tuple[str, str], State] = {}
    for key, found in steps.items():
        target = by_path[key[0]]
        for action in target.row.actions:
            if action.id != key[1]:
                continue
            found.sort(key=lambda s: s[0])
            base = action.changed or EARLIEST
            status: str = action.status
            due, where = action.due, key[0]
            for at, outcome, new_due, path in found:
                if at >= base:
                    status, due, where = outcome, new_due if new_due is not None else due, path
            items[key] = (status, due, where != key[0])
    return RowLatest(items)
