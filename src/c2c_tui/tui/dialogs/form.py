"""A small modal form: labelled text fields and choices, checked as you type.

``FormDialog(title, fields, check)`` returns the values as ``{key: text}`` (a choice gives its value), or
None when cancelled. ``check(values)`` returns ``{key: message}`` for the fields that are not right yet;
the first message is shown under the form, those fields are marked, and Enter / ctrl+s do not save until
there is none. Escape asks before throwing away what was typed. All text is literal (never markup).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from c2c_tui.core.text.neutral import shown

from .base import Dialog
from .confirm import ConfirmDialog

Check = Callable[[dict[str, str]], dict[str, str]]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] | None = None  # (label, value): a choice instead of a text field


class FormDialog(Dialog[dict[str, str] | None]):
    DEFAULT_CSS = """
    FormDialog > Vertical {
        width: 76; max-width: 100%; max-height: 100%;
    }
    FormDialog Horizontal { height: auto; margin: 0 0 1 0; }
    FormDialog Horizontal Label { width: 14; color: $text-muted; }
    FormDialog Input { width: 1fr; background: $boost; }
    FormDialog Select { width: 1fr; height: 1; }
    FormDialog .-problem { background: $error 35%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        check: Check | None = None,
        *,
        help: str = "Tab next field · Enter or ctrl+s saves · Esc cancels",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.check = check
        self.help_text = help
        self._initial: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(shown(self.title_text)), classes="dialog-title")
            for field in self.fields:
                with Horizontal():
                    yield Label(Text(field.label))
                    yield self._control(field)
            yield Static(Text(""), classes="dialog-error", id="form-error")
            yield Static(Text(self.help_text), classes="dialog-help")

    def _control(self, field: Field) -> Input | Select[str]:
        if field.choices is not None:
            options = [(Text(shown(label)), value) for label, value in field.choices]
            values = [value for _, value in field.choices]
            return Select(
                options,
                value=field.value if field.value in values else values[0],
                allow_blank=False,
                id=f"field-{field.key}",
                compact=True,
            )
        return Input(
            value=field.value,
            placeholder=field.placeholder,
            id=f"field-{field.key}",
            compact=True,
            select_on_focus=False,
        )

    def on_mount(self) -> None:
        self._initial = self.values()
        self.query_one(f"#field-{self.fields[0].key}").focus()
        self.show_problems()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for field in self.fields:
            control: Any = self.query_one(f"#field-{field.key}")
            value = control.value
            out[field.key] = value if isinstance(value, str) else ""
        return out

    def problems(self) -> dict[str, str]:
        return self.check(self.values()) if self.check else {}

    def show_problems(self) -> dict[str, str]:
        problems = self.problems()
        for field in self.fields:
            self.query_one(f"#field-{field.key}").set_class(field.key in problems, "-problem")
        first = next(iter(problems.values()), "")
        self.query_one("#form-error", Static).update(Text(shown(first)))
        return problems

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self, event: Input.Changed | Select.Changed) -> None:
        event.stop()
        self.show_problems()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        problems = self.show_problems()
        if problems:
            self.app.bell()
            self.query_one(f"#field-{next(iter(problems))}").focus()
            return
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        if self.values() == self._initial:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Throw away what you typed here?", yes="throw it away", no="keep editing"), answered
        )
