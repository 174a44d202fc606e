"""Part 4: the agreed actions (text, owner, due, status), in the order they were agreed.

``space`` cycles the status (open → done → dropped → open); ``e`` / ``enter`` opens the action form
(text, owner, due date); the other edit keys are those of :class:`ItemTable`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from c2c_tui.core.model import Action, Session
from c2c_tui.core.text.textcells import breaks_shown  # line breaks shown as ⏎: one row

from .item_table import ItemTable, Row

STATUS_CELLS = {
    "open": Text("○ open"),
    "done": Text("✓ done", style="green"),
    "dropped": Text("✗ dropped", style="dim strike"),
}


def action_cells(action: Action) -> tuple[str | Text, ...]:
    return (
        breaks_shown(action.text),
        action.owner or "",
        action.due.isoformat() if action.due else "",
        STATUS_CELLS.get(action.status, Text(action.status)),
    )


def action_rows(session: Session) -> list[Row]:
    return [(action.id, action_cells(action)) for action in session.actions]


class ActionsTable(ItemTable):
    """Actions table (Part 4)"""

    COLUMNS = (("Action", "text", None), ("Owner", "owner", 14), ("Due", "due", 10), ("Status", "status", 9))

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "edit('status')", "Status: open → done → dropped", show=False),
    ]
    HINT = "space status · e edit text/owner/due · p owner · k t d ctrl+z · Esc capture"
