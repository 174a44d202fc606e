"""A small modal to edit one line of text: Enter saves, Escape cancels without change.

``validate`` may return a one-line problem; the dialog then stays open and shows it. All text (the
title and the prefilled value) is literal: no markup is read from user text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from c2c_tui.core.text.neutral import shown
from c2c_tui.core.text.textcells import LINE_BREAK, breaks_shown

from .base import Dialog

Validator = Callable[[str], str | None]
to_line = breaks_shown  # a multi-line text as one line (an Input cannot show a line break)


def from_line(line: str, original: str) -> str:
    """Back from :func:`to_line`: the marks become line breaks again, only if the original had some."""
    if to_line(original) == line:
        return original  # unchanged, byte for byte
    return line.replace(LINE_BREAK, "\n") if ("\n" in original or "\r" in original) else line


class TextDialog(Dialog[str | None]):
    """Returns the new text, or None when cancelled."""

    DEFAULT_CSS = """
    TextDialog > Vertical {
        width: 80%; max-width: 100;
    }
    TextDialog Input { margin: 0 0 1 0; background: $boost; }
    """

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        validate: Validator | None = None,
        suggestions: Sequence[str] = (),
        help: str = "Enter saves · Escape cancels",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.initial = value
        self.validator = validate
        self.suggestions = [s for s in suggestions if s]
        self.help_text = help

    def compose(self) -> ComposeResult:
        suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
        with Vertical():
            yield Static(Text(shown(self.title_text)), classes="dialog-title")
            yield Input(
                value=to_line(self.initial),
                id="dialog-input",
                suggester=suggester,
                compact=True,
                select_on_focus=False,
            )
            yield Static(Text(""), classes="dialog-error", id="dialog-error")
            yield Static(Text(self.help_text), classes="dialog-help")

    def on_mount(self) -> None:
        if to_line(self.initial) != self.initial:
            self.query_one(".dialog-help", Static).update(Text(f"{self.help_text} · ⏎ is a line break"))
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = from_line(event.value, self.initial)
        problem = self.validator(value) if self.validator else None
        if problem:
            self.query_one("#dialog-error", Static).update(Text(shown(problem)))
            return
        self.dismiss(value)
