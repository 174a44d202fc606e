"""F1: every key. The app-wide keys come from ``commands.COMMANDS``; the keys of the item lists and the
capture line are read from the ``BINDINGS`` of every widget class in ``WIDGET_MODULES``, so the help
never goes stale. Escape, F1 or q closes it.
"""

from __future__ import annotations

import importlib
import inspect
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

from c2c_tui.tui.run.commands import COMMANDS, key_name

KEY_WIDTH = 16
WIDGET_MODULES = (  # the modules that were in tui/widgets/, in their former order
    "c2c_tui.tui.run.work.actions_table",
    "c2c_tui.tui.run.work.advisor_panel",
    "c2c_tui.tui.widgets.agenda_strip",
    "c2c_tui.tui.widgets.big_clock",
    "c2c_tui.tui.widgets.block_font",
    "c2c_tui.tui.run.capture_bar",
    "c2c_tui.tui.run.work.entry_list",
    "c2c_tui.tui.run.work.item_table",
    "c2c_tui.tui.follow.latest_items",
    "c2c_tui.tui.run.work.matrix",
    "c2c_tui.tui.run.work.options_table",
    "c2c_tui.tui.widgets.phase_header",
    "c2c_tui.tui.widgets.plan_info",
    "c2c_tui.tui.widgets.record_table",
    "c2c_tui.tui.home.session_list",
    "c2c_tui.tui.run.status_line",
    "c2c_tui.tui.home.summary_viewer",
    "c2c_tui.tui.run.work.area",
    "c2c_tui.tui.run.work.edits",
)


def _binding(spec: BindingType) -> Binding:
    return spec if isinstance(spec, Binding) else Binding(*spec)


def _keys(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return ", ".join(
        k.upper() if k.startswith("f") and k[1:].isdigit() else k for k in binding.key.split(",")
    )


def _title(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    first = doc.split("\n")[0].strip().rstrip(".")
    return first if first and len(first) <= 60 else cls.__name__


def widget_bindings() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, description)]) for each c2c widget class that declares BINDINGS."""
    sections = []
    for name in WIDGET_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, Widget):
                continue
            specs = cls.__dict__.get("BINDINGS") or []
            rows = []
            for spec in specs:
                binding = _binding(spec)
                rows.append((_keys(binding), binding.description or binding.tooltip or binding.action))
            if rows:
                sections.append((_title(cls), rows))
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
    """All keys: the app's commands, then each widget's own keys (all text literal)."""
    parts: list[RenderableType] = [
        Text("Keys · F1, Escape or q closes · ctrl+p opens the command palette", style="bold"),
        _heading("Everywhere"),
        _table([(key_name(c), c.description) for c in COMMANDS]),
    ]
    for title, rows in widget_bindings():
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
