"""The self-assessment's table in set-up: one row per team and area, scored from the keyboard.

``1``-``5`` score the highlighted row and move down to the next (a team goes through its areas in one
run of digits), ``0`` or Delete clears it, Enter or ``e`` asks for its note. The keys post
:class:`ScoreTable.Scored` and :class:`ScoreTable.NoteRequested` with the row's key; the pane decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from c2c_tui.tui.widgets.record_table import PlainTable


class ScoreTable(PlainTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"score({n})", "Score", show=n == 1, key_display="1-5") for n in range(1, 6)),
        Binding("0,delete,backspace", "score(0)", "Clear"),
        Binding("e,enter", "note", "Note"),
    ]

    @dataclass
    class Scored(Message):
        table: ScoreTable
        key: str
        score: int | None  # None: cleared

        @property
        def control(self) -> ScoreTable:
            return self.table

    @dataclass
    class NoteRequested(Message):
        table: ScoreTable
        key: str

        @property
        def control(self) -> ScoreTable:
            return self.table

    def action_score(self, score: int) -> None:
        key = self.current_key
        if key is None:
            self.app.bell()
            return
        self.post_message(self.Scored(self, key, score or None))
        if score and self.cursor_row < self.row_count - 1:
            self.move_cursor(row=self.cursor_row + 1)

    def action_note(self) -> None:
        key = self.current_key
        if key is None:
            self.app.bell()
            return
        self.post_message(self.NoteRequested(self, key))
