"""Part 3: the options on an impact-vs-risk 2x2 (impact 3-5 counts as high, risk 3-5 as high).

High impact and low risk is the "do first" corner. Options without both scores are listed under the grid.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Static

from c2c_tui.core.model import Option, Session
from c2c_tui.core.prioritise import MOSCOW_LABELS, QUADRANTS, quadrant, ranked
from c2c_tui.core.text.neutral import shown


def box_id(key: str) -> str:
    return "q-" + key.replace("_", "-")


def option_line(option: Option) -> str:
    title = shown(" ".join(option.title.split()))
    return f"• {title} · {MOSCOW_LABELS[option.moscow]}" if option.moscow else f"• {title}"


def place(session: Session) -> tuple[dict[str, list[Option]], list[Option]]:
    """Options per quadrant (in priority order) and the ones not yet scored."""
    cells: dict[str, list[Option]] = {q.key: [] for q in QUADRANTS}
    unscored: list[Option] = []
    for option in ranked(session.options):
        where = quadrant(option)
        (unscored if where is None else cells[where.key]).append(option)
    return cells, unscored


class ImpactRiskMatrix(Vertical):
    DEFAULT_CSS = """
    ImpactRiskMatrix { height: 1fr; }
    ImpactRiskMatrix Grid { grid-size: 2 2; grid-gutter: 0; height: 1fr; }
    ImpactRiskMatrix .quadrant {
        border: round $panel; height: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ImpactRiskMatrix #q-do-first { border: heavy $success; }
    ImpactRiskMatrix #q-do-first.-empty { border: round $success; }
    ImpactRiskMatrix #q-avoid { border: round $error 60%; }
    ImpactRiskMatrix #matrix-unscored {
        height: 1; color: $text-muted; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def compose(self) -> ComposeResult:
        with Grid():
            for q in QUADRANTS:
                box = Static("", id=box_id(q.key), classes="quadrant", markup=False)
                box.border_title = f"{q.label.upper()} · {q.description}"
                yield box
        yield Static("", id="matrix-unscored", markup=False)

    def show(self, session: Session) -> None:
        cells, unscored = place(session)
        for key, options in cells.items():
            box = self.query_one(f"#{box_id(key)}", Static)
            lines = Text("\n".join(option_line(o) for o in options) or "–", no_wrap=True, overflow="ellipsis")
            box.update(lines)
            box.set_class(not options, "-empty")
        note = ""
        if unscored:
            names = ", ".join(" ".join(o.title.split()) for o in unscored[:5])
            more = f" and {len(unscored) - 5} more" if len(unscored) > 5 else ""
            note = f"Not scored yet ({len(unscored)}; i / r then 1-5 in the table): {names}{more}"
        self.query_one("#matrix-unscored", Static).update(
            Text(shown(note), no_wrap=True, overflow="ellipsis")
        )
