"""Part 3: the options, highest priority first, with single keys to prioritise the selected one.

Priority: MoSCoW (must > should > could > won't > not set), then impact high to low, then risk low to
high, then the order they were captured. ``m`` ``s`` ``c`` ``w`` set MoSCoW (the same key again clears
it); ``i`` then a digit 1-5 sets impact, ``r`` then a digit sets risk (0 clears).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from c2c_tui.core.model import Session
from c2c_tui.core.prioritise import MOSCOW_LABELS, ranked
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
        for option in ranked(session.options)
    ]


class OptionsTable(ItemTable):
    """Options table (Part 3)"""

    START_AT_END = False  # highest priority first
    COLUMNS = (
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
        Binding("v", "edit('matrix')", "Impact/risk 2x2 view on/off", show=False),
    ]
    HINT = "m s c w MoSCoW · i/r then 1-5 impact/risk · v 2x2 · e k t p d ctrl+z · Esc capture"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pending: str | None = None  # "impact" or "risk" while waiting for the digit

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
