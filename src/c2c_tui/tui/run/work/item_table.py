"""A row-cursor DataTable of session items (entries, options or actions), keyed by item id.

``sync(rows)`` makes the table show exactly ``rows``: when the old rows are a prefix of the new ones it
only updates changed cells and appends (so a capture never rebuilds 2,000 rows); otherwise it rebuilds,
keeping the cursor on the same item. Cells are always ``Text`` (a ``str`` cell would be parsed as markup).
The text column (``flex``) takes the width the other columns leave, with an ellipsis when cut.

The edit keys shared by every list live here; they post :class:`ItemTable.EditRequested` and the
:class:`~c2c_tui.tui.run.work.area.WorkArea` decides. They only act while the table has focus. Tab,
shift+tab and Escape post :class:`ItemTable.FocusStep`: the work area (and the screen) decide where focus
goes; a table never looks up its container or the capture line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from c2c_tui.core.text.neutral import shown

Cell = str | Text
Row = tuple[str, tuple[Cell, ...]]  # (item id, cells)


def cell(value: Cell | None, style: str = "") -> Text:
    """A literal cell: user text is never read as markup."""
    if isinstance(value, Text):
        return value
    return Text(shown(value or ""), style=style, no_wrap=True, overflow="ellipsis", end="")


class ItemTable(DataTable[Text]):
    """Every item list (entries, options, actions)"""

    DEFAULT_CSS = """
    ItemTable { height: 1fr; min-height: 3; }
    ItemTable:focus { border-left: thick $accent; }
    ItemTable:blur { border-left: blank; }
    """

    # (label, key, fixed width or None = the flexible text column); set by subclasses
    COLUMNS: ClassVar[tuple[tuple[str, str, int | None], ...]] = ()
    # where the cursor starts when the table is first filled: the newest row (lists in capture order)
    # or the first (lists in priority order)
    START_AT_END: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        # moving: DataTable's Home/End only scroll sideways in a row list; PageUp/PageDown are the clicker's
        # phase keys (priority bindings of the app), so a page is shift or ctrl with an arrow
        Binding("home", "scroll_top", "First item", key_display="Home", show=False),
        Binding("end", "scroll_bottom", "Last item", key_display="End", show=False),
        Binding(
            "shift+down,ctrl+down",
            "page_down",
            "A page down (PgDn is the next phase)",
            key_display="shift/ctrl+↓",
            show=False,
        ),
        Binding(
            "shift+up,ctrl+up",
            "page_up",
            "A page up (PgUp is the previous phase)",
            key_display="shift/ctrl+↑",
            show=False,
        ),
        Binding("e", "edit('text')", "Edit", tooltip="Edit the text (an action: text, owner and due date)"),
        Binding("enter", "edit('text')", "Edit (same as e)", show=False),
        Binding("k", "edit('kind')", "Change kind (to option/action moves it there)", show=False),
        Binding("t", "edit('team')", "Attribute to a team (or none)", show=False),
        Binding("p,@", "edit('person')", "Set the speaker (an action: its owner)", show=False),
        Binding("d,delete", "edit('delete')", "Delete", tooltip="Delete the item (ctrl+z brings it back)"),
        Binding("ctrl+z,u", "edit('undo')", "Undo", tooltip="Undo the last change"),
        Binding("escape,slash", "to_capture", "Back to the capture line", show=False),
        Binding("tab", "next_list", "Next list, then the capture line", show=False),
        Binding("shift+tab", "previous_list", "Previous list, then the capture line", show=False),
    ]
    HINT: ClassVar[str] = "e edit · k kind · t team · p speaker · d delete · ctrl+z undo · Esc capture"

    @dataclass
    class EditRequested(Message):
        """The user pressed an edit key on a row: op is text, kind, team, person, delete, undo, ..."""

        table: ItemTable
        item_id: str | None
        op: str
        value: object = None

        @property
        def control(self) -> ItemTable:
            return self.table

    @dataclass
    class Hint(Message):
        """A one-line hint for the status line (e.g. "impact: press 1-5"); ``focus``: the keys hint."""

        text: str
        focus: bool = False
        table: ItemTable | None = None

    @dataclass
    class FocusStep(Message):
        """Focus should move on: ``step`` +1 to the next list, -1 to the previous, 0 to the capture line."""

        table: ItemTable
        step: int

        @property
        def control(self) -> ItemTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._keys: list[str] = []
        self._sigs: dict[str, tuple[str, ...]] = {}

    def on_mount(self) -> None:
        self._ensure_columns()

    def _ensure_columns(self) -> None:
        if not self.columns:
            for label, key, width in self.COLUMNS:
                self.add_column(Text(label), key=key, width=width if width is not None else 20)
            self._fit_columns()

    # -- showing rows -----------------------------------------------------------------------------

    @property
    def item_ids(self) -> list[str]:
        return list(self._keys)

    @property
    def selected_id(self) -> str | None:
        if not self._keys or not self.is_valid_row_index(self.cursor_row):
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return key

    def sync(self, rows: Sequence[Row], *, follow_new: bool = True) -> None:
        """Show exactly ``rows`` (in order). New rows are appended when possible; the cursor follows them."""
        self._ensure_columns()
        keys = [key for key, _ in rows]
        old = list(self._keys)  # a copy: _add appends to self._keys
        new_ids = [key for key in keys if key not in self._sigs]
        wanted = set(keys)
        if keys[: len(old)] == old:
            for key, cells in rows[: len(old)]:
                self._update_row(key, cells)
            for key, cells in rows[len(old) :]:
                self._add(key, cells)
        elif wanted <= set(old) and [key for key in old if key in wanted] == keys:  # rows went, none moved
            for key in [key for key in old if key not in wanted]:
                self.remove_row(key)
                del self._sigs[key]
            self._keys = keys
            for key, cells in rows:
                self._update_row(key, cells)
        else:
            keep = self.selected_id
            keep_index = self.cursor_row
            self.clear()
            self._keys, self._sigs = [], {}
            for key, cells in rows:
                self._add(key, cells)
            if keep in self._sigs:
                self.move_cursor(row=self.get_row_index(keep), scroll=True)
            elif self._keys:
                self.move_cursor(row=min(max(keep_index, 0), len(self._keys) - 1))
        if old == [] and not self.START_AT_END:
            return
        if follow_new and new_ids and self._keys:
            self.move_cursor(row=self.get_row_index(new_ids[-1]), scroll=True)

    def _add(self, key: str, cells: tuple[Cell, ...]) -> None:
        self.add_row(*(cell(c) for c in cells), key=key)
        self._keys.append(key)
        self._sigs[key] = _signature(cells)

    def _update_row(self, key: str, cells: tuple[Cell, ...]) -> None:
        sig = _signature(cells)
        old = self._sigs.get(key)
        if old == sig:
            return
        for index, ((_, column, _), value) in enumerate(zip(self.COLUMNS, cells, strict=True)):
            if old is None or old[index] != sig[index]:
                self.update_cell(key, column, cell(value))
        self._sigs[key] = sig

    # -- the flexible text column ------------------------------------------------------------------

    def on_resize(self) -> None:
        self._fit_columns()

    def fixed_widths(self, available: int) -> dict[str, int]:
        """The fixed columns' widths for a table ``available`` cells wide (a subclass narrows them)."""
        return {key: width for _, key, width in self.COLUMNS if width is not None}

    def _fit_columns(self) -> None:
        if not self.columns:
            return
        available = self.scrollable_content_region.width or self.size.width or 80
        widths = self.fixed_widths(available)
        fixed = sum(widths.values()) + 2 * self.cell_padding * len(widths)
        scrollbar = 2  # keep clear of the vertical scrollbar
        flex_width = max(12, available - fixed - scrollbar - 2 * self.cell_padding)
        for _, key, _width in self.COLUMNS:
            column = self.columns[key]  # type: ignore[index]
            wanted = widths.get(key, flex_width)
            if column.width != wanted:
                column.width = wanted
                self._require_update_dimensions = True
                self._clear_caches()
                self.refresh()

    def on_focus(self) -> None:
        self.post_message(self.Hint(self.HINT, focus=True, table=self))

    # -- keys --------------------------------------------------------------------------------------

    def action_edit(self, op: str) -> None:
        item = None if op == "undo" else self.selected_id
        if item is None and op != "undo":
            self.notify("Nothing selected", severity="warning", markup=False)
            return
        self.post_message(self.EditRequested(self, item, op))

    def action_to_capture(self) -> None:
        self.post_message(self.FocusStep(self, 0))

    def action_next_list(self) -> None:
        self.post_message(self.FocusStep(self, 1))

    def action_previous_list(self) -> None:
        self.post_message(self.FocusStep(self, -1))


def _signature(cells: tuple[Cell, ...]) -> tuple[str, ...]:
    return tuple(
        (c.plain + "\x00" + str(c.style)) if isinstance(c, Text) else ("" if c is None else c) for c in cells
    )
