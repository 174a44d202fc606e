"""F1: this app's keys, under headings a person reads. The app-wide keys come from the command table
(``commands.COMMANDS``), grouped here by what they are for (a command no group names still shows, under
"More"); the keys of the capture line and the item lists are read from those widgets' own ``BINDINGS``, so
the help never goes stale. Escape, F1 or q closes it.
"""

from __future__ import annotations

import io
from typing import ClassVar

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from c2c_tui.core.phases import PHASES
from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.commands import COMMANDS, Command, key_name
from c2c_tui.tui.run.work.actions_table import ActionsTable
from c2c_tui.tui.run.work.item_table import ItemTable
from c2c_tui.tui.run.work.options_table import OptionsTable

KEY_WIDTH = 16
COMMAND_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The clock (these work on the wall view too)", ("clock", "next", "back", "plus1", "plus5", "minus1")),
    ("The plan and the room", ("rebalance", "turn", "wall", "setup", "bell")),
    ("A series of workshops", ("since",)),
    ("Saving, help and quitting", ("save", "help", "quit")),
    ("Go to any phase (from the palette, ctrl+p)", tuple(f"goto-{p.id}" for p in PHASES)),
)
WIDGET_SECTIONS: tuple[tuple[str, type[Widget]], ...] = (
    ("The capture line", CaptureBar),
    ("Every item list (entries, options, actions)", ItemTable),
    ("Options (Part 3)", OptionsTable),
    ("Actions (Part 4)", ActionsTable),
)


def _binding(spec: BindingType) -> Binding:
    return spec if isinstance(spec, Binding) else Binding(*spec)


def _keys(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return ", ".join(
        k.upper() if k.startswith("f") and k[1:].isdigit() else k for k in binding.key.split(",")
    )


def command_sections(commands: tuple[Command, ...] = COMMANDS) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, description)]) for the app's commands, by group; the rest under "More"."""
    by_id = {c.id: c for c in commands}
    sections = []
    for heading, ids in COMMAND_GROUPS:
        rows = [(key_name(by_id[i]), by_id[i].description) for i in ids if i in by_id]
        if rows:
            sections.append((heading, rows))
    grouped = {i for _heading, ids in COMMAND_GROUPS for i in ids}
    rest = [(key_name(c), c.description) for c in commands if c.id not in grouped]
    if rest:
        sections.append(("More", rest))
    return sections


def widget_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, description)]) for the widgets of the run screen that have keys of their own."""
    sections = []
    for heading, cls in WIDGET_SECTIONS:
        specs = cls.__dict__.get("BINDINGS") or []
        rows = []
        for spec in specs:
            binding = _binding(spec)
            rows.append((_keys(binding), binding.description or binding.tooltip or binding.action))
        if rows:
            sections.append((heading, rows))
    return sections


def _table(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(width=KEY_WIDTH, style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for keys, description in rows:
        table.add_row(Text(keys), Text(description))
    return table


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


def help_renderable() -> Group:
    """All keys: the app's commands by group, then the keys of the capture line and lists (text literal)."""
    parts: list[RenderableType] = [
        Text("Keys · F1, Escape or q closes · ctrl+p opens the command palette", style="bold"),
    ]
    for title, rows in command_sections() + widget_sections():
        parts += [_heading(title), _table(rows)]
    return Group(*parts)


def help_plain(width: int = 100) -> str:
    """The help as plain text."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(help_renderable())
    return console.export_text()


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(help_renderable(), markup=False, id="help-text")
