"""Part 3: the options, highest priority first, with single keys to prioritise the selected one.

Priority: MoSCoW (must > should > could > won't > not set), then impact high to low, then risk low to
high, then the order they were captured. ``m`` ``s`` ``c`` ``w`` set MoSCoW (the same key again clears
it); ``i`` then a digit 1-5 sets impact, ``r`` then a digit sets risk (0 clears).

A rating never moves a row: while the table has focus its rows keep their places (so "rate, Down, rate"
rates each option once), and the ``#`` column shows each option's rank at once. The rows are put in
priority order when focus leaves the table, or on ``o``; the cursor stays on its option.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from c2c_tui.core.model import Session
from c2c_tui.core.prioritise import MOSCOW_LABELS, held_order, ranked
from c2c_tui.core.text.textcells import breaks_shown  # line breaks shown as ⏎: one row

from .item_table import ItemTable, Row

MOSCOW_STYLES = {"must": "bold", "should": "", "could": "dim", "wont": "dim strike"}
SCORE_KEYS = {"i": "impact", "r": "risk"}


def score(value: int | None) -> str:
    return "–" if value is None else str(value)


def option_rows(session: Session) -> list[Row]:
    names = {team.id: team.name for team in session.teams}
    return [
        (
            option.id,
            (
                Text(str(rank), justify="right"),
                breaks_shown(option.title),
                names.get(option.team or "", ""),
                Text(
                    MOSCOW_LABELS[option.moscow],
                    style=MOSCOW_STYLES.get(option.moscow or "", ""),
                ),
                score(option.impact),
                score(option.risk),
            ),
        )
        for rank, option in enumerate(ranked(session.options), start=1)
    ]


class OptionsTable(ItemTable):
    """Options table (Part 3)"""

    START_AT_END = False  # highest priority first
    COLUMNS = (
        ("#", "rank", 3),
        ("Option", "title", None),
        ("Source team", "team", 14),
        ("MoSCoW", "moscow", 6),
        ("Impact", "impact", 6),
        ("Risk", "risk", 4),
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "moscow('must')", "MoSCoW: Must (again clears)", show=False),
        Binding("s", "moscow('should')", "MoSCoW: Should", show=False),
        Binding("c", "moscow('could')", "MoSCoW: Could", show=False),
        Binding("w", "moscow('wont')", "MoSCoW: Won't", show=False),
        Binding("i", "score('impact')", "Impact: i then 1-5 (0 clears)", show=False),
        Binding("r", "score('risk')", "Risk: r then 1-5 (0 clears)", show=False),
        Binding("o", "order", "Order by priority now (rows keep their places while you rate)", show=False),
        Binding("v", "edit('matrix')", "Impact/risk 2x2 view on/off", show=False),
    ]
    HINT = "m s c w MoSCoW · i/r then 1-5 · o order · v 2x2 · e k t p d ctrl+z · Esc capture"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pending: str | None = None  # "impact" or "risk" while waiting for the digit
        self.holding = False  # rows keep their places (while the table has focus)
        self._ranked: list[Row] = []  # the rows in priority order, as last given

    # -- order: held while rating, priority otherwise ------------------------------------------------

    def sync(self, rows: Sequence[Row], *, follow_new: bool = True) -> None:
        """Show ``rows`` (in priority order); while holding, the rows shown keep their places."""
        self._ranked = list(rows)
        if self.holding and self.item_ids:
            cells = dict(rows)
            rows = [(key, cells[key]) for key in held_order(list(cells), self.item_ids)]
        super().sync(rows, follow_new=follow_new)

    def in_priority_order(self) -> bool:
        return self.item_ids == [key for key, _ in self._ranked]

    def resort(self) -> None:
        """Put the rows in priority order; the cursor stays on its option."""
        if not self.in_priority_order():
            super().sync(self._ranked, follow_new=False)

    def action_order(self) -> None:
        self.resort()
        self.post_message(self.Hint("In priority order (the # column) · rows stay put while you rate"))

    def on_focus(self) -> None:
        self.holding = True  # (ItemTable.on_focus posts the keys hint)

    def action_moscow(self, value: str) -> None:
        item = self.selected_id
        if item is None:
            self.notify("No option selected", severity="warning", markup=False)
            return
        self.post_message(self.EditRequested(self, item, "moscow", value))

    def action_score(self, field: str) -> None:
        if self.selected_id is None:
            self.notify("No option selected", severity="warning", markup=False)
            return
        self.pending = field
        self.post_message(self.Hint(f"{field}: press 1-5 (0 clears, any other key cancels)"))

    def _end_pending(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.post_message(self.Hint(""))

    def on_key(self, event: events.Key) -> None:
        # i / r and the digit are handled here, in key order: through the app's bindings a fast "r2"
        # could deliver the digit before the binding had set the pending field.
        if self.pending is not None:
            field = self.pending
            self._end_pending()
            if event.key in ("0", "1", "2", "3", "4", "5"):
                event.stop()
                event.prevent_default()
                value = int(event.key) or None
                self.post_message(self.EditRequested(self, self.selected_id, field, value))
                return
        if event.key in SCORE_KEYS:
            event.stop()
            event.prevent_default()
            self.action_score(SCORE_KEYS[event.key])

    def on_blur(self) -> None:
        self._end_pending()
        self.holding = False
        self.resort()
