"""The pre-work in the summary ("Before the workshop: self-assessment", a table area x team) and in the
series overview (``moves_section``: per team, each area's score from workshop to workshop).

Each cell is the team's score (1-5) and its note; a team that did not score an area shows "–". Only the
teams that scored something get a column. The section is an empty string when nobody scored anything, so
a summary without a self-assessment is exactly what it was before. User text goes through ``mdtext``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..assessment import Move, Scored, moves
from ..assessment_rows import SCORE_WORDS
from ..model import Session
from ..text import mdtext as md

TITLE = "## Before the workshop: self-assessment"
UNSCORED = "–"


def score_cell(score: int, note: str) -> str:
    """``**3** · note`` (markdown, one table cell, safe whatever the note holds)."""
    text = md.cell(note)
    return f"**{score}** · {text}" if text else f"**{score}**"


def assessment_section(session: Session) -> str:
    rows = session.assessments or []
    if not rows:
        return ""
    scored = {row.team for row in rows}
    teams = [team for team in session.teams if team.id in scored]
    by_pair = {(row.team, row.area): row for row in rows}
    body = []
    for area in session.areas or ():
        cells = [md.cell(area.name)]
        for team in teams:
            row = by_pair.get((team.id, area.id))
            cells.append(score_cell(row.score, row.note) if row else UNSCORED)
        body.append(cells)
    scale = ", ".join(f"{n} {word}" for n, word in SCORE_WORDS.items())
    intro = f"Each team scored itself on each area before the workshop ({scale})."
    table = md.table(["Area", *(md.cell(team.name) for team in teams)], body)
    return f"{TITLE}\n\n{intro}\n\n{table}"


def _trail(move: Move) -> str:
    """e.g. "#1 2 → #2 3 → #3 4": each workshop that scored it, by its number in the overview."""
    return " → ".join(f"#{n} {score}" for n, score in enumerate(move.scores, 1) if score is not None)


def _change(move: Move) -> str:
    change = move.change
    if change is None:
        return ""
    return f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{-change}")


def moves_section(sessions: Sequence[Scored]) -> str:
    """The series overview's section: per team, how each area's score moved from workshop to workshop
    (``sessions`` in the overview's order, numbered from 1); "" when no workshop has a self-assessment."""
    found = moves(sessions)
    if not found:
        return ""
    out = [
        "## Self-assessment across the series",
        "How each team scored itself before each workshop (1-5; workshops by their number above).",
    ]
    teams = list(dict.fromkeys(move.team for move in found))
    for team in teams:
        rows = [[md.cell(m.area), _trail(m), _change(m)] for m in found if m.team == team]
        out.append(md.heading(3, team))
        out.append(md.table(["Area", "Scores (workshop #)", "Change"], rows, right=(2,)))
    return "\n\n".join(out)
