"""Part 3: the options on an impact-vs-risk 2x2 (impact 3-5 counts as high, risk 3-5 as high).

High impact and low risk is the "do first" corner. Each quadrant lists its options numbered like the
options table (the rank, its ``#`` column), as many as its height holds, then "+N more: 5 6 7", so every
option can be found on the grid at any size. On a low work area (80x24) the quadrants drop their side and
bottom borders, so each keeps its heading and gets the rows. Options without both scores are listed,
numbered too, under the grid.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.events import Resize
from textual.widget import Widget

from c2c_tui.core.model import Option, Session
from c2c_tui.core.prioritise import QUADRANTS, fit_lines, quadrant, ranked, ranks
from c2c_tui.core.text.neutral import shown

COMPACT_BELOW = 12  # rows of the 2x2 under which the quadrants drop their side and bottom borders


def box_id(key: str) -> str:
    return "q-" + key.replace("_", "-")


def title_of(option: Option) -> str:
    return shown(" ".join(option.title.split()))


def place(session: Session) -> tuple[dict[str, list[Option]], list[Option]]:
    """Options per quadrant (in priority order) and the ones not yet scored."""
    cells: dict[str, list[Option]] = {q.key: [] for q in QUADRANTS}
    unscored: list[Option] = []
    for option in ranked(session.options):
        where = quadrant(option)
        (unscored if where is None else cells[where.key]).append(option)
    return cells, unscored


class QuadrantBox(Widget):
    """One quadrant: its options as "3 Title" lines fitted to the height it has (``+N more`` at the end)."""

    def __init__(self, heading: tuple[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="quadrant")
        self.heading = heading
        self.numbered: list[tuple[int, str]] = []
        self.border_title = " · ".join(heading)

    def show(self, numbered: list[tuple[int, str]]) -> None:
        self.numbered = numbered
        label, description = self.heading
        count = f" ({len(numbered)})" if numbered else ""
        self.border_title = f"{label}{count} · {description}"  # a cut title loses the description first
        self.set_class(not numbered, "-empty")
        self.refresh()

    def render(self) -> Text:
        lines = fit_lines(self.numbered, self.size.height, self.size.width)
        return Text("\n".join(lines), no_wrap=True, overflow="ellipsis", end="")


class UnscoredLine(Widget):
    """One line under the grid: the options not yet scored, numbered, packed to the width."""

    PREFIX = "Not scored yet (i / r then 1-5): "

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.numbered: list[tuple[int, str]] = []

    def show(self, numbered: list[tuple[int, str]]) -> None:
        self.numbered = numbered
        self.display = bool(numbered)
        self.refresh()

    def render(self) -> Text:
        rest = fit_lines(self.numbered, 1, max(self.size.width - len(self.PREFIX), 1))
        return Text(self.PREFIX + "".join(rest), no_wrap=True, overflow="ellipsis", end="")


class ImpactRiskMatrix(Vertical):
    DEFAULT_CSS = """
    ImpactRiskMatrix { height: 1fr; }
    ImpactRiskMatrix Grid { grid-size: 2 2; grid-gutter: 0 1; height: 1fr; }
    ImpactRiskMatrix .quadrant {
        border: round $panel; height: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ImpactRiskMatrix #q-do-first { border: heavy $success; }
    ImpactRiskMatrix #q-do-first.-empty { border: round $success; }
    ImpactRiskMatrix #q-avoid { border: round $error 60%; }
    ImpactRiskMatrix.-compact .quadrant { border: none; border-top: solid $panel; padding: 0; }
    ImpactRiskMatrix.-compact #q-do-first { border: none; border-top: heavy $success; }
    ImpactRiskMatrix.-compact #q-avoid { border: none; border-top: solid $error 60%; }
    ImpactRiskMatrix #matrix-unscored {
        height: 1; color: $text-muted; padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, session: Session | None = None) -> None:
        super().__init__(id=id)
        self._first = session  # shown once mounted (its boxes are there then)

    def compose(self) -> ComposeResult:
        with Grid():
            for q in QUADRANTS:
                yield QuadrantBox((q.label.upper(), q.description), id=box_id(q.key))
        yield UnscoredLine(id="matrix-unscored")

    def on_mount(self) -> None:
        if self._first is not None:
            self.show(self._first)
            self._first = None

    def show_once_mounted(self, session: Session) -> None:
        """``show`` now, or as it mounts if it is not mounted yet (its boxes are not there before)."""
        if self.is_mounted:
            self.show(session)
        else:
            self._first = session

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < COMPACT_BELOW, "-compact")

    def show(self, session: Session) -> None:
        cells, unscored = place(session)
        number = ranks(session.options)
        for key, options in cells.items():
            box = self.query_one(f"#{box_id(key)}", QuadrantBox)
            box.show([(number[o.id], title_of(o)) for o in options])
        self.query_one(UnscoredLine).show([(number[o.id], title_of(o)) for o in unscored])
