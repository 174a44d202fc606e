"""Edit an action: text, owner and due date (YYYY-MM-DD or empty). Enter saves, Escape cancels.

Returns a dict of the fields to set (``text``, ``owner``, ``due``) or None when cancelled. A problem
(empty text, a due date that is not a real YYYY-MM-DD date) is shown and the form stays open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from c2c_tui.core.model import Action
from c2c_tui.core.setup import parse_due
from c2c_tui.core.text.neutral import shown

from .base import Dialog
from .text_dialog import from_line, to_line


class ActionForm(Dialog[dict[str, Any] | None]):
    DEFAULT_CSS = """
    ActionForm > Vertical {
        width: 80%; max-width: 100;
    }
    ActionForm Horizontal { height: auto; margin: 0 0 1 0; }
    ActionForm Horizontal Label { width: 8; color: $text-muted; }
    ActionForm Input { width: 1fr; background: $boost; }
    """

    def __init__(self, action: Action, *, people: Sequence[str] = ()) -> None:
        super().__init__()
        self.item = action
        self.people = [p for p in people if p]

    def compose(self) -> ComposeResult:
        action = self.item
        suggester = SuggestFromList(self.people, case_sensitive=False) if self.people else None
        with Vertical():
            yield Static(Text("Edit action"), classes="dialog-title")
            with Horizontal():
                yield Label("Action")
                yield Input(value=to_line(action.text), id="form-text", compact=True, select_on_focus=False)
            with Horizontal():
                yield Label("Owner")
                yield Input(
                    value=action.owner,
                    id="form-owner",
                    suggester=suggester,
                    compact=True,
                    select_on_focus=False,
                )
            with Horizontal():
                yield Label("Due")
                yield Input(
                    value=action.due.isoformat() if action.due else "",
                    id="form-due",
                    placeholder="YYYY-MM-DD (empty: no date)",
                    compact=True,
                    select_on_focus=False,
                )
            yield Static(Text(""), classes="dialog-error", id="form-error")
            yield Static(Text("Tab next field · Enter saves · Escape cancels"), classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one("#form-text", Input).focus()

    def values(self) -> dict[str, Any]:
        """The form's values; ValueError with a one-line message when one is not valid."""
        text = from_line(self.query_one("#form-text", Input).value, self.item.text)
        if not text.strip():
            raise ValueError("the action text cannot be empty (delete the action instead)")
        owner = self.query_one("#form-owner", Input).value.strip()
        due = parse_due(self.query_one("#form-due", Input).value)
        return {"text": text, "owner": owner, "due": due}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            values = self.values()
        except ValueError as error:
            self.query_one("#form-error", Static).update(Text(shown(str(error))))
            return
        self.dismiss(values)
