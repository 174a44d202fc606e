"""A yes/no question: ``y`` for yes (Enter does nothing: no reflex answers), ``n`` or Escape for no. Returns True or False."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from c2c_tui.core.text.neutral import shown

from .base import Dialog


class ConfirmDialog(Dialog[bool]):
    DEFAULT_CSS = """
    ConfirmDialog > Vertical {
        width: 64; max-width: 95%;
        border: thick $warning;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, *, yes: str = "yes", no: str = "no", detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(shown(self.question, lines=True)), classes="dialog-title")
            if self.detail:
                yield Static(Text(shown(self.detail, lines=True)))
            yield Static(Text(f"y {self.yes} · n or Esc {self.no}"), classes="dialog-help", id="confirm-keys")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
