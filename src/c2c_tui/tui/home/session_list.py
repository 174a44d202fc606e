"""The saved sessions of a folder as a table (newest first), with a few lines about the highlighted one.

A file that does not load is a row too ("broken", with its one-line problem), so it never hides the
others. Rows are keyed by the file's path. All user text is shown literally (``Text`` cells).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from c2c_tui.core.followup.library import FileProblem, SessionInfo
from c2c_tui.core.followup.row_latest import Counts, RowLatest
from c2c_tui.core.text.neutral import shown

Item = SessionInfo | FileProblem
# (label, fixed width, or the share of the room left for a flexible column)
COLUMNS: tuple[tuple[str, int | float], ...] = (
    ("Date", 10),
    ("Title", 0.6),
    ("Teams", 0.4),
    ("State", 8),
    ("Open actions", 12),
)


def squeezed(text: str) -> str:
    """All whitespace (line breaks too) as single spaces."""
    return " ".join(text.split())


def actions_cell(info: SessionInfo, today: date, latest: Counts | None = None) -> str:
    """Open actions (and how many are late) in their latest state: a later workshop's review counts."""
    n, late = (latest or RowLatest()).counts(info, today)
    if not n:
        return "-"
    return f"{n} ({late} late)" if late else str(n)


class Cell:
    """One cell of the session table: its text (neutralised, on one line) and style. The rich ``Text`` is
    made when the cell is measured or painted and let go after, so a table of a thousand sessions keeps
    a string per cell rather than a ``Text`` (its spans, its copy of the string)."""

    __slots__ = ("plain", "style")

    def __init__(self, plain: str, style: str = "") -> None:
        self.plain = plain
        self.style = style

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"Cell({self.plain!r}, {self.style!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and (other.plain, other.style) == (self.plain, self.style)

    def __hash__(self) -> int:
        return hash((self.plain, self.style))

    def text(self) -> Text:
        return Text(self.plain, style=self.style, no_wrap=True, overflow="ellipsis", end="")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As ``Measurement.get`` measures this text's ``Text`` (its widest line, its widest word), without
        making the Text: the table measures every cell once when it is filled."""
        if options.max_width < 1:
            return Measurement(0, 0)
        plain = self.plain
        width = len if plain.isascii() and plain.isprintable() else cell_len  # one cell a character
        lines = plain.splitlines()
        widest = max(map(width, lines)) if lines else 0
        words = plain.split()
        narrowest = max(map(width, words)) if words else widest
        return (
            Measurement(narrowest, widest).normalize().with_maximum(options.max_width)
        )  # as Measurement.get


def cells(item: Item, today: date, latest: Counts | None = None) -> tuple[Cell, ...]:
    def text(value: str, style: str = "") -> Cell:
        return Cell(shown(squeezed(value)), style)

    if isinstance(item, FileProblem):
        problem = item.message.removeprefix(f"{item.path}: ")
        return (text(""), text(item.path.name), text(problem, "italic"), text("broken", "bold"), text(""))
    return (
        text(info_date(item)),
        text(item.title),
        text(", ".join(item.teams)),
        text(item.state),
        text(actions_cell(item, today, latest)),
    )


def count(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


def info_date(info: SessionInfo) -> str:
    return info.date.isoformat() if info.date else "no date"


def describe(item: Item | None, today: date, latest: Counts | None = None) -> Text:
    """A few lines about one row: where it is, what it is about (or what is wrong with the file)."""
    if item is None:
        return Text("")
    if isinstance(item, FileProblem):
        return Text(shown(f"⚠ This file does not load: {item.message}"), style="bold")
    row = item.row
    start = " ".join(part for part in (row.start_time, row.timezone) if part)  # "15:00 Europe/Madrid"
    first = " · ".join(part for part in (item.path.name, row.place, row.mode, start) if part)
    lines = [first]
    if row.purpose:
        lines.append(squeezed(row.purpose))
    latest = latest or RowLatest()
    opened, late = latest.counts(item, today)
    counts = " · ".join(
        count(n, word)
        for n, word in (
            (len(row.teams), "team"),
            (row.participants, "participant"),
            (item.entries, "entry"),
            (item.options, "option"),
        )
    )
    state = f"{opened} open" + (f", {late} overdue" if late else "")
    changed = latest.changed(item)
    state += f", {changed} changed later" if changed else ""
    lines.append(f"{counts} · {count(len(row.actions), 'action')} ({state})")
    return Text(shown("\n".join(lines), lines=True))


class SessionTable(DataTable[Cell]):
    DEFAULT_CSS = """
    SessionTable { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open"),
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.items: list[Item] = []

    def on_mount(self) -> None:
        for label, width in COLUMNS:
            self.add_column(Text(label), width=width if isinstance(width, int) else 10, key=label)
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        fixed = sum(w for _, w in COLUMNS if isinstance(w, int))
        room = max(16, self.size.width - fixed - 2 * self.cell_padding * len(COLUMNS) - 2)
        for label, width in COLUMNS:
            if isinstance(width, float):
                column = self.columns.get(label)  # type: ignore[call-overload]
                if column is not None:
                    column.width = max(8, int(room * width))
                    column.auto_width = False
        self.refresh()

    @property
    def current(self) -> Item | None:
        if not self.items or self.row_count == 0:
            return None
        return self.items[min(self.cursor_row, len(self.items) - 1)]

    def show(
        self, items: Sequence[Item], today: date, *, select: Path | None = None, latest: Counts | None = None
    ) -> None:
        current = self.current
        keep = select or (current.path if current is not None else None)
        self.items = list(items)
        self.clear()
        for item in self.items:
            self.add_row(*cells(item, today, latest), key=str(item.path))
        paths = [item.path for item in self.items]
        if keep in paths:
            self.move_cursor(row=paths.index(keep))


class SessionList(Vertical):
    """The table and, under it, what the highlighted row is."""

    DEFAULT_CSS = """
    SessionList { height: 1fr; }
    SessionList #session-detail {
        height: 4; padding: 0 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis;
    }
    SessionList #session-detail.-broken { color: $error; text-wrap: wrap; }
    """

    def __init__(self, today: date, *, empty: str = "") -> None:
        super().__init__()
        self.today = today
        self.empty = empty
        self.latest: Counts = RowLatest()  # the actions' latest states (none known: as each file says)

    def compose(self) -> ComposeResult:
        yield SessionTable(id="sessions")
        yield Static(Text(""), id="session-detail")

    @property
    def table(self) -> SessionTable:
        return self.query_one(SessionTable)

    def show(
        self,
        items: Sequence[Item],
        *,
        select: Path | None = None,
        empty: str | None = None,
        latest: Counts | None = None,
    ) -> None:
        if empty is not None:
            self.empty = empty
        if latest is not None:
            self.latest = latest
        self.table.show(items, self.today, select=select, latest=self.latest)
        self.show_detail()

    def show_detail(self) -> None:
        item = self.table.current
        detail = self.query_one("#session-detail", Static)
        detail.update(describe(item, self.today, self.latest) if item is not None else Text(self.empty))
        detail.set_class(isinstance(item, FileProblem), "-broken")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()
