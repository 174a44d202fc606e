"""Changes to a session's captured items: add a capture, find, delete / restore, edit, change kind, undo.

Pure functions on a :class:`~c2c_tui.core.model.Session` (no I/O, no clock: ``now`` is passed in). Each
change returns what is needed to reverse it, so the app can push an undo step onto an :class:`UndoStack`::

    list_name, index, item = delete_item(session, "e3")
    undo.push("delete note", lambda: restore_item(session, list_name, index, item))

Errors are :class:`EditError`, whose ``str()`` is one line for the user.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from ..model import ENTRY_KINDS, Action, Entry, Option, PhaseId, Session
from ..problems import one_line_error
from .line import Capture

Item = Entry | Option | Action
ListName = Literal["entries", "options", "actions"]
LIST_NAMES: tuple[ListName, ...] = ("entries", "options", "actions")

# Where an option or action turned into an entry lands when no phase is given.
_HOME_PHASE: dict[ListName, PhaseId] = {"entries": "rapport", "options": "reflect", "actions": "agree"}


class EditError(ValueError):
    """A change that cannot be made (unknown id, invalid value). ``str()`` is one line."""


def _items(session: Session, list_name: ListName) -> list[Any]:
    return getattr(session, list_name)  # type: ignore[no-any-return]


def _list_of(kind: str) -> ListName:
    if kind == "option":
        return "options"
    if kind == "action":
        return "actions"
    if kind in ENTRY_KINDS:
        return "entries"
    raise EditError(f"unknown kind {kind!r}: use one of {', '.join(ENTRY_KINDS)}, option, action")


def _check_team(session: Session, team: str | None) -> None:
    if team is not None and session.team(team) is None:
        raise EditError(f"no team has the id {team!r}")


# -- adding -------------------------------------------------------------------------------------------


def add_capture(session: Session, capture: Capture, phase: PhaseId, now: datetime) -> Item:
    """Append the captured line as an entry of ``phase``, an option or an action, with a fresh id."""
    now = now.replace(microsecond=0)  # a capture's time to the second: readable in the file
    _check_team(session, capture.team)
    list_name = _list_of(capture.kind)
    item: Item
    try:
        if list_name == "options":
            item = Option(
                id=session.next_id("o"),
                title=capture.text,
                team=capture.team,
                speaker=capture.person,
                created=now,
            )
        elif list_name == "actions":
            item = Action(
                id=session.next_id("a"),
                text=capture.text,
                owner=capture.person or "",
                due=capture.due,
                team=capture.team,
                status="open",
                created=now,
            )
        else:
            item = Entry(
                id=session.next_id("e"),
                phase=phase,
                kind=capture.kind,  # type: ignore[arg-type]  # checked by _list_of
                text=capture.text,
                team=capture.team,
                speaker=capture.person,
                score=capture.score,
                created=now,
            )
    except ValidationError as error:
        raise EditError(one_line_error(error)) from None
    _items(session, list_name).append(item)
    return item


# -- finding, deleting, restoring ---------------------------------------------------------------------


def locate(session: Session, item_id: str) -> tuple[ListName, int] | None:
    """(list name, index) of the item with this id: entries first, then options, then actions."""
    for list_name in LIST_NAMES:
        for index, item in enumerate(_items(session, list_name)):
            if item.id == item_id:
                return list_name, index
    return None


def find_item(session: Session, item_id: str) -> Item | None:
    place = locate(session, item_id)
    return None if place is None else _items(session, place[0])[place[1]]  # type: ignore[no-any-return]


def _require(session: Session, item_id: str) -> tuple[ListName, int, Item]:
    place = locate(session, item_id)
    if place is None:
        raise EditError(f"no item has the id {item_id!r}")
    return place[0], place[1], _items(session, place[0])[place[1]]


def delete_item(session: Session, item_id: str) -> tuple[ListName, int, Item]:
    """Remove the item; returns (list name, index, item) for :func:`restore_item`."""
    list_name, index, item = _require(session, item_id)
    del _items(session, list_name)[index]
    return list_name, index, item


def restore_item(session: Session, list_name: ListName, index: int, item: Item) -> None:
    """Put a deleted item back where it was (undo of :func:`delete_item`)."""
    items = _items(session, list_name)
    if any(other.id == item.id for other in items):
        raise EditError(f"{list_name} already has an item with the id {item.id!r}")
    items.insert(max(0, min(index, len(items))), item)


# -- editing ------------------------------------------------------------------------------------------


def update_item(session: Session, item_id: str, **changes: Any) -> dict[str, Any]:
    """Change fields of an item, all or none; returns the old values (``update_item(s, id, **old)`` undoes)."""
    _, _, item = _require(session, item_id)
    fields = type(item).model_fields
    for name in changes:
        if name == "id":
            raise EditError("an item's id cannot be changed")
        if name not in fields:
            raise EditError(f"{type(item).__name__.lower()} has no field {name!r}")
    if "team" in changes:
        _check_team(session, changes["team"])
    for name in ("text", "title"):
        if name in changes and isinstance(changes[name], str) and not changes[name].strip():
            raise EditError(f"the {name} cannot be empty: delete the item instead")
    try:
        candidate = type(item).model_validate({**item.model_dump(), **changes})
    except ValidationError as error:
        raise EditError(one_line_error(error)) from None
    old = {name: getattr(item, name) for name in changes}
    for name in changes:
        setattr(item, name, getattr(candidate, name))
    return old


@dataclass(frozen=True)
class Rekind:
    """What :func:`rekind_item` did, enough for :func:`undo_rekind`."""

    item: Item  # the item that holds the text now (the same entry object when only its kind changed)
    old: Item  # a copy of the item as it was
    list_name: ListName  # where the old item was
    index: int


def _joined(first: str, second: str) -> str:
    return f"{first}\n{second}" if second else first


def _convert(session: Session, old: Item, kind: str, phase: PhaseId) -> Item:
    """A new item of ``kind`` carrying over text, team, person and created time."""
    if isinstance(old, Entry):
        text, detail, person = old.text, "", old.speaker
    elif isinstance(old, Option):
        text, detail, person = old.title, old.detail, old.speaker
    else:
        text, detail, person = old.text, old.note, old.owner or None
    common: dict[str, Any] = {"team": old.team, "created": old.created}
    if kind == "option":
        return Option(id=session.next_id("o"), title=text, detail=detail, speaker=person, **common)
    if kind == "action":
        return Action(id=session.next_id("a"), text=text, note=detail, owner=person or "", **common)
    return Entry(
        id=session.next_id("e"),
        phase=phase,
        kind=kind,  # type: ignore[arg-type]  # checked by _list_of
        text=_joined(text, detail),
        speaker=person,
        **common,
    )


def rekind_item(session: Session, item_id: str, kind: str, *, phase: PhaseId | None = None) -> Rekind | None:
    """Give an item another kind; None if it already has it.

    An entry changing to another entry kind stays the same object. Otherwise the item moves to the other
    list with a fresh id (an entry made from an option or action goes to ``phase``, by default the phase
    where such rows are made). Text, team, speaker/owner and created time carry over; an option's detail and
    an action's note follow the text; what the new kind has no place for (scores, MoSCoW, due, status) is
    dropped, and :func:`undo_rekind` brings it back.
    """
    target = _list_of(kind)
    list_name, index, item = _require(session, item_id)
    old = item.model_copy(deep=True)
    if target == list_name == "entries":
        assert isinstance(item, Entry)
        if item.kind == kind:
            return None
        item.kind = kind  # type: ignore[assignment]
        return Rekind(item=item, old=old, list_name=list_name, index=index)
    if target == list_name:
        return None
    new = _convert(session, item, kind, phase or _HOME_PHASE[list_name])
    del _items(session, list_name)[index]
    _items(session, target).append(new)
    return Rekind(item=new, old=old, list_name=list_name, index=index)


def rekind_entry(session: Session, entry_id: str, kind: str) -> Rekind | None:
    """Change an entry's kind; to "option" or "action" it becomes a row of that list (see rekind_item)."""
    list_name, _, _ = _require(session, entry_id)
    if list_name != "entries":
        raise EditError(f"{entry_id!r} is not an entry")
    return rekind_item(session, entry_id, kind)


def undo_rekind(session: Session, change: Rekind) -> None:
    """Reverse :func:`rekind_item`: the item is as it was, where it was."""
    items = _items(session, change.list_name)
    if change.item.id == change.old.id and any(i is change.item for i in items):
        for name in type(change.old).model_fields:
            setattr(change.item, name, getattr(change.old, name))
        return
    for list_name in LIST_NAMES:
        current = _items(session, list_name)
        current[:] = [i for i in current if i is not change.item]
    restore_item(session, change.list_name, change.index, change.old)


# -- undo ---------------------------------------------------------------------------------------------


class UndoStack:
    """The last ``depth`` changes, newest first out. Each step is a label and a function that reverses it."""

    def __init__(self, depth: int = 100) -> None:
        self._steps: deque[tuple[str, Callable[[], object]]] = deque(maxlen=max(1, depth))

    def push(self, label: str, undo: Callable[[], object]) -> None:
        self._steps.append((label, undo))

    def undo(self) -> str | None:
        """Reverse the newest change and return its label; None if there is nothing to undo."""
        if not self._steps:
            return None
        label, undo = self._steps.pop()
        undo()
        return label

    @property
    def can_undo(self) -> bool:
        return bool(self._steps)

    @property
    def label(self) -> str | None:
        """The label of the change :meth:`undo` would reverse next."""
        return self._steps[-1][0] if self._steps else None

    def clear(self) -> None:
        self._steps.clear()

    def __len__(self) -> int:
        return len(self._steps)
