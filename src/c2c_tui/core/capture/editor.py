"""Every change the app makes to captured items, each one undoable.

:class:`Editor` wraps :mod:`c2c_tui.core.capture.ops`: add a capture, update fields, delete, change kind. Each
method records one undo step with a short label ("delete note", "set MoSCoW of option"); :meth:`undo`
reverses the newest and returns its label. Errors are :class:`~c2c_tui.core.capture.ops.EditError` (one line);
a failed change records nothing and leaves the session as it was.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..model import Action, Entry, Option, PhaseId, Session
from ..phases import kind_label
from . import ops
from .line import Capture
from .ops import EditError, Item

__all__ = ["EditError", "Editor", "item_kind", "item_text"]

_FIELD_LABELS = {
    "text": "text",
    "title": "title",
    "team": "team",
    "speaker": "speaker",
    "owner": "owner",
    "due": "due date",
    "status": "status",
    "moscow": "MoSCoW",
    "impact": "impact",
    "risk": "risk",
    "detail": "detail",
    "note": "note",
    "kind": "kind",
    "phase": "phase",
}
_TIMESTAMP = {Entry: "edited", Action: "updated"}  # options have no edit timestamp


def item_kind(item: Item) -> str:
    """The capture kind of an item: its entry kind, "option" or "action"."""
    if isinstance(item, Entry):
        return item.kind
    return "option" if isinstance(item, Option) else "action"


def item_text(item: Item) -> str:
    return item.title if isinstance(item, Option) else item.text


def _label(item: Item) -> str:
    return kind_label(item_kind(item))


class Editor:
    """Changes to ``session`` with an undo history of ``depth`` steps."""

    def __init__(self, session: Session, *, depth: int = 200) -> None:
        self.session = session
        self._undo = ops.UndoStack(depth)

    # -- queries ------------------------------------------------------------------------------------

    def find(self, item_id: str) -> Item | None:
        return ops.find_item(self.session, item_id)

    def get(self, item_id: str) -> Item:
        item = self.find(item_id)
        if item is None:
            raise EditError(f"no item has the id {item_id!r}")
        return item

    @property
    def can_undo(self) -> bool:
        return self._undo.can_undo

    @property
    def undo_label(self) -> str | None:
        return self._undo.label

    # -- changes ------------------------------------------------------------------------------------

    def add_capture(self, capture: Capture, phase: PhaseId, now: datetime) -> Item:
        """Add a captured line (entry of ``phase``, option or action); undo removes it."""
        session = self.session
        item = ops.add_capture(session, capture, phase, now)
        item_id = item.id
        self._undo.push(f"add {_label(item)}", lambda: ops.delete_item(session, item_id))
        return item

    def update(self, item_id: str, now: datetime, **changes: Any) -> Item:
        """Change fields of an item (all or none). Entries get ``edited``, actions ``updated`` = now."""
        session = self.session
        item = self.get(item_id)
        effective = {name: value for name, value in changes.items() if getattr(item, name, object()) != value}
        if not effective:
            return item
        stamp = _TIMESTAMP.get(type(item))
        if stamp is not None and stamp not in effective:
            effective[stamp] = now
        old = ops.update_item(session, item_id, **effective)
        names = [_FIELD_LABELS.get(name, name) for name in changes if name in effective]
        label = f"set {' and '.join(names)} of {_label(item)}"
        self._undo.push(label, lambda: ops.update_item(session, item_id, **old))
        return item

    def delete(self, item_id: str) -> Item:
        """Remove the item; undo puts it back where it was."""
        session = self.session
        list_name, index, item = ops.delete_item(session, item_id)
        self._undo.push(f"delete {_label(item)}", lambda: ops.restore_item(session, list_name, index, item))
        return item

    def rekind(self, item_id: str, kind: str, now: datetime, *, phase: PhaseId | None = None) -> Item:
        """Give an item another kind. To "option"/"action" it moves to that list (new id); from an option or
        action back to an entry kind it becomes an entry of ``phase``. Returns the item that holds it now."""
        session = self.session
        before = self.get(item_id)
        old_label = _label(before)
        change = ops.rekind_item(session, item_id, kind, phase=phase)
        if change is None:
            return before
        item = change.item
        stamp = _TIMESTAMP.get(type(item))
        if stamp is not None:
            setattr(item, stamp, now)
        self._undo.push(f"change {old_label} to {_label(item)}", lambda: ops.undo_rekind(session, change))
        return item

    def undo(self) -> str | None:
        """Reverse the newest change; its label, or None when there is nothing to undo."""
        return self._undo.undo()
