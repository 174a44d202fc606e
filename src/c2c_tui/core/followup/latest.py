"""The latest state of each action of a folder, for ``c2c review`` (pure).

``latest_of(library)`` maps (session file, action id) to the action's tracked state (``series.track``):
its own file, then every review of it in a later workshop, the latest winning. The review list counts
open and late actions from it (``counts``), and one session's review shows each action's latest status,
owner and due date (``cells``) and, for an action a later workshop changed, the state as agreed and where
it changed (``story``: "agreed open → done in Heat two, 2026-12-10: sent to the board"). Every text is as
written; the screens neutralise it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..model import Action
from .folder_index import OutlineAction
from .library import Library, SessionInfo
from .review_list import OUTCOME_LABELS
from .rows import RowAction
from .series import Tracked, track

STATUS_CELLS = {"in_progress": "in progress"}  # the table's word for a latest status (others as written)


@lru_cache(maxsize=65536)  # the same few thousand paths, many times over
def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


@dataclass(frozen=True)
class Latest:
    """Each action's tracked state, by (file, action id); an action not found is as its own file says."""

    items: dict[tuple[str, str], Tracked] = field(default_factory=dict)

    def of(self, path: Path, action_id: str) -> Tracked | None:
        return self.items.get((_key(path), action_id))

    def changed_elsewhere(self, path: Path, action: Action | OutlineAction | RowAction) -> Tracked | None:
        """The tracked state when a later workshop's review is its latest change, else None."""
        item = self.of(path, action.id)
        if item is None or _key(item.changed_path) == _key(item.path):
            return None
        return item

    def counts(self, info: SessionInfo, today: date) -> tuple[int, int]:
        """(open, late) for one session: open or in progress, and of those past their due date, as of now."""
        opened = late = 0
        for action in info.actions:
            item = self.of(info.path, action.id)
            if item is None:
                opened += action.status == "open"
                late += action.status == "open" and action.due is not None and action.due < today
            else:
                opened += item.status in ("open", "in_progress")
                late += item.overdue(today)
        return opened, late

    def changed(self, info: SessionInfo) -> int:
        """How many of the session's actions a later workshop changed last."""
        return sum(1 for a in info.actions if self.changed_elsewhere(info.path, a) is not None)

    def cells(
        self, info: SessionInfo, action: Action | OutlineAction, today: date
    ) -> tuple[str, str, str, str]:
        """(status, due, owner, action) in the action's latest state; OVERDUE when open past its due date."""
        item = self.of(info.path, action.id)
        status: str
        if item is None:
            status = "OVERDUE" if action.is_overdue(today) else action.status
            due, owner = action.due, action.owner
        else:
            status = "OVERDUE" if item.overdue(today) else STATUS_CELLS.get(item.status, item.status)
            due, owner = item.due, item.owner
        return status, due.isoformat() if due else "-", owner or "-", action.text

    def story(self, info: SessionInfo, action: Action | OutlineAction) -> str:
        """ "agreed open → done in Heat two, 2026-12-10: note" for an action a later workshop changed, else ""."""
        item = self.changed_elsewhere(info.path, action)
        if item is None:
            return ""
        now = OUTCOME_LABELS.get(item.status, item.status)
        when = item.changed_on.isoformat() if item.changed_on else ""
        where = ", ".join(part for part in (item.changed_workshop, when) if part)
        line = f"agreed {action.status} → {now} in {where}"
        extra = [
            f"owner {item.owner}" if item.owner != action.owner and item.owner else "",
            f"due {item.due.isoformat()}" if item.due != action.due and item.due else "",
        ]
        line += "".join(f", {part}" for part in extra if part)
        return line + (f": {item.note}" if item.note else "")


def latest_of(library: Library) -> Latest:
    """The latest state of every action a later workshop reviewed (one ``track`` of the folder); every
    other action is as its own file says, which is how ``Latest`` reads an action it does not hold."""
    tracked = track(library, reviewed_only=True)
    return Latest({(_key(t.path), t.item): t for t in tracked if t.kind == "action"})


def with_info(library: Library, info: SessionInfo) -> Library:
    """The library with one session read again (after a change to its file)."""
    wanted = _key(info.path)
    sessions = [info if _key(s.path) == wanted else s for s in library.sessions]
    return Library(folder=library.folder, sessions=sessions, problems=library.problems)
