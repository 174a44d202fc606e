"""The phase's entries, newest at the bottom: kind, text (literally), team, speaker."""

from __future__ import annotations

from collections.abc import Iterable

from c2c_tui.core.model import Entry, Session
from c2c_tui.core.text.textcells import breaks_shown  # line breaks shown as ⏎: one row

from .item_table import ItemTable, Row

SHORT_KIND = {
    "follow_up": "follow-up",
    "consideration": "consider.",
    "feedback_useful": "useful",
    "feedback_keep": "fb keep",
    "feedback_change": "fb change",
}


def kind_cell(kind: str, score: int | None = None) -> str:
    """The kind column (9 wide): a feedback score reads "useful 4"."""
    cell = SHORT_KIND.get(kind, kind)
    return f"{cell} {score}" if kind == "feedback_useful" and score is not None else cell


def entry_rows(session: Session, entries: Iterable[Entry]) -> list[Row]:
    names = {team.id: team.name for team in session.teams}
    return [
        (
            entry.id,
            (
                kind_cell(entry.kind, entry.score),
                breaks_shown(entry.text),
                names.get(entry.team or "", ""),
                entry.speaker or "",
            ),
        )
        for entry in entries
    ]


class EntryList(ItemTable):
    """Entry list (the phase's notes, surprises, gaps, ...)"""

    COLUMNS = (("Kind", "kind", 9), ("Text", "text", None), ("Team", "team", 16), ("By", "speaker", 12))

    def fixed_widths(self, available: int) -> dict[str, int]:
        """Below 100 cells team and speaker are short (the detail line under the list has them whole), so
        the text keeps most of the width."""
        if available >= 100:
            return super().fixed_widths(available)
        return {"kind": 9, "team": 9, "speaker": 8}
