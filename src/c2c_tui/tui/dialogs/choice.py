"""A small modal list to choose one value (a kind, a team). Enter picks, Escape cancels.

``shortcuts`` maps a typed character to a value, e.g. the capture prefixes for kinds ("g" → gap).
Choices are ``(value, label)``; labels are literal text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from c2c_tui.core.text.neutral import shown

from .base import Dialog

NONE_ID = "\x00none"  # the OptionList id standing for the value None


class ChoiceDialog(Dialog[tuple[str | None] | None]):
    """Returns ``(value,)`` (value may be None, e.g. "no team"), or None when cancelled."""

    DEFAULT_CSS = """
    ChoiceDialog > Vertical {
        width: 60; max-width: 90%; max-height: 90%;
    }
    ChoiceDialog OptionList { height: auto; max-height: 16; }
    """

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str | None, str]],
        *,
        current: str | None = None,
        shortcuts: Mapping[str, str | None] | None = None,
        help: str = "Enter picks · Escape cancels",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current
        self.shortcuts = dict(shortcuts or {})
        self.help_text = help

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Text(("● " if value == self.current else "  ") + shown(label)),
                id=NONE_ID if value is None else value,
            )
            for value, label in self.choices
        ]
        with Vertical():
            yield Static(Text(shown(self.title_text)), classes="dialog-title")
            yield OptionList(*options, id="dialog-choices")
            yield Static(Text(self.help_text), classes="dialog-help")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        values = [value for value, _ in self.choices]
        if self.current in values:
            choices.highlighted = values.index(self.current)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        self.dismiss((None if option_id == NONE_ID else option_id,))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self.shortcuts:
            event.stop()
            event.prevent_default()
            self.dismiss((self.shortcuts[event.character],))
