"""A row-cursor table of set-up records (teams, participants, pre-questions) with add / edit / delete keys.

``show(rows)`` shows ``(key, cells)`` rows, keeping the cursor on the same record. The keys post
:class:`RecordTable.Requested` (op "add", "edit" or "delete", and the highlighted record's key); the pane
that owns the table decides. Cells are always ``Text``: user text is never read as markup. The column
marked ``None`` in ``COLUMNS`` takes the width the others leave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from c2c_tui.core.text.neutral import shown
from c2c_tui.core.text.textcells import breaks_shown

EMPTY_KEY = "\x00empty"


def cell(value: str) -> Text:
    return Text(shown(breaks_shown(value)), no_wrap=True, overflow="ellipsis", end="")


class PlainTable(DataTable[Text]):
    """A keyed row table with one flexible column and an "empty" line (no keys of its own)."""

    DEFAULT_CSS = """
    PlainTable { height: 1fr; min-height: 3; }
    PlainTable:focus { border-left: thick $accent; }
    PlainTable:blur { border-left: blank; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    def __init__(
        self, columns: Sequence[tuple[str, int | None]], *, empty: str = "Nothing yet: a adds one", id: str
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.columns_spec = list(columns)
        self.empty = empty
        self._rows: list[tuple[str, tuple[str, ...]]] = []

    def on_mount(self) -> None:
        for label, width in self.columns_spec:
            self.add_column(Text(label), width=width or 10, key=label)
        self._fit()
        self._fill()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        fixed = sum(width or 0 for _, width in self.columns_spec)
        padding = 2 * self.cell_padding * len(self.columns_spec)
        flex = max(8, self.size.width - fixed - padding - 3)
        for label, width in self.columns_spec:
            if width is None:
                column = self.columns.get(label)  # type: ignore[call-overload]
                if column is not None and column.width != flex:
                    column.width = flex
                    column.auto_width = False
        self.refresh()

    @property
    def current_key(self) -> str | None:
        if not self._rows or self.row_count == 0:
            return None
        return self._rows[min(self.cursor_row, len(self._rows) - 1)][0]

    def show(self, rows: Sequence[tuple[str, Sequence[str]]], *, select: str | None = None) -> None:
        keep = select or self.current_key
        self._rows = [(key, tuple(cells)) for key, cells in rows]
        if self.is_mounted:
            self._fill(keep)

    def _fill(self, keep: str | None = None) -> None:
        self.clear()
        if not self._rows:
            flex = [width for _, width in self.columns_spec].index(None)
            blank = [
                Text(self.empty if i == flex else "", style="italic") for i in range(len(self.columns_spec))
            ]
            self.add_row(*blank, key=EMPTY_KEY)
            return
        for key, values in self._rows:
            self.add_row(*(cell(value) for value in values), key=key)
        keys = [key for key, _ in self._rows]
        if keep in keys:
            self.move_cursor(row=keys.index(keep))


class RecordTable(PlainTable):
    """A PlainTable whose keys ask to add, edit or delete the highlighted record."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,insert", "request('add')", "Add"),
        Binding("e,enter", "request('edit')", "Edit"),
        Binding("d,delete", "request('delete')", "Delete"),
    ]

    @dataclass
    class Requested(Message):
        table: RecordTable
        op: str
        key: str | None

        @property
        def control(self) -> RecordTable:
            return self.table

    def action_request(self, op: str) -> None:
        key = self.current_key
        if key is None and op == "edit":
            op = "add"  # Enter on an empty list adds the first one
        if op != "add" and key is None:
            self.app.bell()
            return
        self.post_message(self.Requested(self, op, key))
