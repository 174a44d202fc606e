"""``Dialog``: the base of every c2c dialog. A box in the middle of the screen with a title line
(``.dialog-title``), a help line (``.dialog-help``) and room for an error line (``.dialog-error``);
Escape cancels (dismisses with None). A dialog sets only its own width, and what it shows.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    Dialog .dialog-title { text-style: bold; padding: 0 0 1 0; }
    Dialog .dialog-help { color: $text-muted; }
    Dialog .dialog-error { color: $error; text-style: bold; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)  # type: ignore[arg-type]


__all__ = ["Dialog"]
