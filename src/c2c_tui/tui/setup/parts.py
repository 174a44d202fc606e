"""Small pieces shared by the set-up sections: a labelled row, a validator from a core parse function,
and the message a section posts when its lists change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.containers import Horizontal
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widgets import Label

Problem = tuple[str, str]  # (id of the widget to focus, one-line message)


class Parses(Validator):
    """Valid when ``parse`` accepts the value; its ValueError message is the failure shown."""

    def __init__(self, parse: Callable[[str], object]) -> None:
        super().__init__()
        self.parse = parse

    def validate(self, value: str) -> ValidationResult:
        try:
            self.parse(value)
        except ValueError as error:
            return self.failure(str(error))
        return self.success()


def row(label: str, *widgets: Any, id: str | None = None) -> Horizontal:
    return Horizontal(Label(Text(label)), *widgets, classes="setup-row", id=id)


class SetupChanged(Message):
    """A section changed something that is not a text field (a list, a template): check the form again."""
