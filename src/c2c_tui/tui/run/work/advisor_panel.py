"""Part 2: one row per Advisor team (surprises, gaps, examples; heard or not yet), then the Seeking team.

A team counts as heard once a surprise, gap or example of Part 2 is attributed to it, so the facilitator
sees at a glance who has not had a turn yet; the first team not heard yet is marked ▶ (next). While a team
has its turn (F10, the palette) that team is marked ▶ and "◉ its turn now" instead.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.widgets import Static

from c2c_tui.core.model import Session
from c2c_tui.core.phases import ADVISOR_KINDS, SEEKING_KINDS
from c2c_tui.core.text.neutral import shown

PLURALS = {
    "surprise": "surprises",
    "gap": "gaps",
    "example": "examples",
    "idea": "ideas",
    "question": "questions",
    "contact": "contacts",
}


def _counts(counter: Counter[str], kinds: tuple[str, ...]) -> str:
    return " · ".join(f"{counter[kind]} {PLURALS[kind] if counter[kind] != 1 else kind}" for kind in kinds)


def panel_text(session: Session, turn: str | None = None) -> Text:
    """The panel's lines, as literal text (team names are user text); ``turn`` is the team whose turn it is."""
    per_team: dict[str | None, Counter[str]] = {}
    for entry in session.entries:
        if entry.phase == "insights":
            per_team.setdefault(entry.team, Counter())[entry.kind] += 1
    advisors = session.advisor_teams
    seeking = session.seeking_teams
    seeking_label = " + ".join(team.name for team in seeking) or "Seeking team"
    width = min(max([len(team.name) for team in advisors] + [len(seeking_label), 8]), 26)
    lines: list[Text] = []
    if not advisors:
        lines.append(Text('No Advisor teams in this session (add teams with role = "advisor")', style="dim"))
    next_marked = any(team.id == turn for team in advisors)  # a turn on: no "next" mark
    for team in advisors:
        counts = per_team.get(team.id, Counter())
        heard = any(counts[kind] for kind in ADVISOR_KINDS)
        is_next = not heard and not next_marked
        next_marked = next_marked or is_next
        line = Text()
        line.append("▶ " if is_next or team.id == turn else "  ", style="bold")
        if team.id == turn:
            line.append(MARK_WIDTH_FMT.format("◉ its turn now"), style="bold reverse")
        else:
            mark = "● heard" if heard else "○ not heard yet"
            line.append(MARK_WIDTH_FMT.format(mark), style=_mark_style(heard))
        line.append(_fit(shown(team.name), width), style="bold")
        line.append("  " + _counts(counts, ADVISOR_KINDS))
        lines.append(line)
    # The Seeking team's ideas, questions and contacts: its own and the unattributed ones.
    own = Counter[str]()
    for team_id in [None, *(team.id for team in seeking)]:
        own.update(per_team.get(team_id, Counter()))
    line = Text()
    line.append("  " + MARK_WIDTH_FMT.format("◆ seeking"), style="cyan")
    line.append(_fit(shown(seeking_label), width), style="bold")
    line.append("  " + _counts(own, SEEKING_KINDS))
    lines.append(line)
    text = Text("\n", no_wrap=True, overflow="ellipsis").join(lines)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


MARK_WIDTH_FMT = "{:<17}"


def _mark_style(heard: bool) -> str:
    return "green" if heard else "bold yellow"


def _fit(name: str, width: int) -> str:
    return (name if len(name) <= width else name[: width - 1] + "…").ljust(width)


class AdvisorPanel(Static):
    """Who has been heard in Part 2. ``show(session)`` recounts (one pass over the entries)."""

    DEFAULT_CSS = """
    AdvisorPanel {
        height: auto; max-height: 8; padding: 0 1; border-bottom: solid $panel;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.turn: str | None = None

    def show(self, session: Session) -> None:
        self.update(panel_text(session, self.turn))

    def show_turn(self, session: Session, turn: str | None) -> None:
        self.turn = turn
        self.show(session)
