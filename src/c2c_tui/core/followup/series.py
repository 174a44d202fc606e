"""Every action and follow-up offer of a folder, traced from where it was agreed through each review.

``track(library)`` gives one ``Tracked`` per item (an action, or an advisor's follow-up offer) of every
session in the folder, in its LATEST state:

* the state written in its own file (its status, owner and due date; as of ``updated``, else of when
  it was created) is the starting point;
* each review of it in a later workshop's ``[[reviews]]`` (one with a time, ``at``) is a step; a review's
  file reference is resolved against the reviewing file's folder, else by the ``workshop`` created time
  (the earlier file was renamed); a review of a file outside the folder is left out;
* the latest of those, by time, is today's state (a change in its own file after a review wins).

``overdue`` is open or in progress after the due date; ``on_time`` is done no later than the due date.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..times import EARLIEST
from ..zone import session_zone
from .folder_index import Outline
from .library import Library, SessionInfo

OPEN_STATES = frozenset({"open", "in_progress"})


@dataclass(frozen=True)
class Step:
    """One review of an item, in a later workshop."""

    at: datetime
    outcome: str  # open | in_progress | done | dropped
    note: str
    owner: str | None  # a new owner given at the review
    due: date | None  # a new due date given at the review
    path: Path  # the reviewing workshop's file
    workshop: str  # its title
    zone: tzinfo | None = None  # its time zone (None: no zone set)


@dataclass(frozen=True)
class Tracked:
    kind: str  # "action" or "follow_up"
    item: str  # the id in the file where it was agreed
    text: str
    path: Path  # where it was agreed
    workshop: str  # that workshop's title
    identity: str  # that workshop's identity (its created time), for calendar UIDs
    agreed_on: date | None  # that workshop's date
    team: str
    status: str  # the latest: open | in_progress | done | dropped
    owner: str
    due: date | None
    note: str
    steps: tuple[Step, ...]  # every review, oldest first
    changed_path: Path  # where it last changed (the reviewing workshop, or its own file)
    changed_workshop: str
    changed_at: datetime | None
    changed_zone: tzinfo | None = None  # the time zone of the workshop where it last changed (None: unset)

    @property
    def changed_on(self) -> date | None:
        """The day it last changed, in that workshop's zone (UTC for a workshop without one)."""
        return (
            None if self.changed_at is None else self.changed_at.astimezone(self.changed_zone or UTC).date()
        )

    def overdue(self, today: date) -> bool:
        return self.status in OPEN_STATES and self.due is not None and self.due < today

    @property
    def on_time(self) -> bool | None:
        """Done no later than its due date (None: not done, or no due date)."""
        if self.status != "done" or self.due is None or self.changed_at is None:
            return None
        assert self.changed_on is not None
        return self.changed_on <= self.due


def identity(info: SessionInfo) -> str:
    """What names a workshop across renames and exports: its ``created`` time, else its title and file name."""
    created = info.outline.created
    if created is not None:
        return created.strftime("%Y%m%dT%H%M%SZ")
    digest = hashlib.sha256(f"{info.outline.title}\n{info.path.name}".encode()).hexdigest()
    return "w" + digest[:16]


@lru_cache(maxsize=65536)  # the same few thousand paths, many times over
def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _origin(info: SessionInfo) -> list[Tracked]:
    """Each action and follow-up offer as agreed in its own workshop, before any review."""
    session = info.outline
    path, title, ident = info.path, session.title, identity(info)
    agreed_on, zone, team_name = info.sort_date, session_zone(session), session.team_name

    def agreed(
        kind: str, item: str, text: str, team: str | None, state: tuple[str, str, date | None, str, Any]
    ) -> Tracked:
        status, owner, due, note, changed_at = state
        # positional, in the field order: a thousand sessions make eleven thousand of these
        return Tracked(
            kind, item, text, path, title, ident, agreed_on, team_name(team),
            status, owner, due, note, (), path, title, changed_at, zone,
        )  # fmt: skip

    out = [
        agreed("action", a.id, a.text, a.team, (a.status, a.owner, a.due, a.note, a.updated or a.created))
        for a in session.actions
    ]
    return out + [
        agreed("follow_up", e.id, e.text, e.team, ("open", e.speaker or "", None, "", e.edited or e.created))
        for e in session.entries
        if e.kind == "follow_up"
    ]


def _apply(item: Tracked, steps: list[Step]) -> Tracked:
    steps.sort(key=lambda s: s.at)
    latest = item
    base = item.changed_at or EARLIEST
    owner, due = item.owner, item.due
    for step in steps:
        if step.at >= base:  # a change made in its own file after this review wins
            owner = step.owner if step.owner is not None else owner
            due = step.due if step.due is not None else due
            latest = _with(latest, step, owner, due)
    return _replace(latest, steps=tuple(steps))


def _with(item: Tracked, step: Step, owner: str, due: date | None) -> Tracked:
    return _replace(
        item,
        status=step.outcome,
        owner=owner,
        due=due,
        note=step.note,
        changed_path=step.path,
        changed_workshop=step.workshop,
        changed_at=step.at,
        changed_zone=step.zone,
    )


def _replace(item: Tracked, **changes: object) -> Tracked:
    from dataclasses import replace

    return replace(item, **changes)  # type: ignore[arg-type]


def track(library: Library, *, reviewed_only: bool = False) -> list[Tracked]:
    """Every item of the folder's sessions, once each, in its latest state (file order, oldest session first).

    ``reviewed_only``: only the items some later workshop reviewed (every other item is as its own file
    says, which is what ``latest.Latest`` takes for an item it does not hold)."""
    infos = sorted(library.sessions, key=lambda i: (i.sort_date, i.mtime, i.path.name))
    by_path = {_key(info.path): info for info in infos}
    by_created = {info.outline.created: info for info in infos if info.outline.created is not None}
    steps: dict[tuple[str, str, str], list[Step]] = {}
    for info in infos:
        for review in info.outline.reviews or ():
            if review.at is None:
                continue
            target = by_path.get(_key(info.path.parent / review.file))
            if target is None and review.workshop is not None:
                target = by_created.get(review.workshop)
            if target is None or target is info:
                continue
            steps.setdefault((_key(target.path), review.kind, review.item), []).append(
                Step(
                    at=review.at,
                    outcome=review.outcome,
                    note=review.note,
                    owner=review.owner,
                    due=review.due,
                    path=info.path,
                    workshop=info.outline.title,
                    zone=session_zone(info.outline),
                )
            )
    out = []
    reviewed = {key for key, _, _ in steps} if reviewed_only else None
    for info in infos:
        key = _key(info.path)
        if reviewed is not None and key not in reviewed:
            continue
        for item in _origin(info):
            found = steps.get((key, item.kind, item.item))
            if found:
                out.append(_apply(item, found))
            elif reviewed is None:
                out.append(item)
    return out


def session_of(library: Library, path: Path) -> Outline | None:
    """The outline of the session at ``path`` in the library (None: not there)."""
    wanted = _key(path)
    return next((i.outline for i in library.sessions if _key(i.path) == wanted), None)
