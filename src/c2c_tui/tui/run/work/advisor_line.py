"""Part 2 on a short terminal (80x24): who has been heard, on one line, in place of the advisor panel, so
the entry list keeps five rows and more. The same rule as the panel: a team is heard once a surprise, gap
or example of Part 2 is attributed to it; the first team not heard yet is marked ▶.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from c2c_tui.core.model import Session
from c2c_tui.core.phases import ADVISOR_KINDS
from c2c_tui.core.text.neutral import shown


def heard_teams(session: Session) -> set[str]:
    return {
        entry.team
        for entry in session.entries
        if entry.phase == "insights" and entry.kind in ADVISOR_KINDS and entry.team is not None
    }


def line_text(session: Session, width: int) -> Text:
    advisors = session.advisor_teams
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if not advisors:
        text.append("No Advisor teams in this session", style="dim")
        return text
    heard = heard_teams(session)
    text.append("Heard: ", style="dim")
    room = max(8, (width - 7) // len(advisors) - 5)
    next_marked = False
    for index, team in enumerate(advisors):
        name = shown(team.name)
        name = name if len(name) <= room else name[: room - 1] + "…"
        if index:
            text.append("  ")
        if team.id in heard:
            text.append("● " + name, style="green")
        else:
            text.append(("▶○ " if not next_marked else "○ ") + name, style="bold yellow")
            next_marked = True
    return text


class AdvisorLine(Widget):
    """``show(session)`` recounts; the line fits its width. Hidden unless the run screen is short
    (``RunScreen.-short`` in c2c.tcss)."""

    DEFAULT_CSS = """
    AdvisorLine { height: 1; padding: 0 1; display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session: Session | None = None

    def show(self, session: Session) -> None:
        self.session = session
        self.refresh()

    def render(self) -> Text:
        if self.session is None:
            return Text("")
        return line_text(self.session, self.content_size.width)
