"""Pre-work, the self-assessment: the shipped areas, areas from what a person typed, scoring, and how a
team's scores moved across a series of workshops. Pure, on a ``Session`` (rows: ``assessment_rows``).

* ``shipped_areas()`` the template c2c ships (``data/assessment-areas.toml``);
* ``areas_from_lines(lines, before)`` the areas a person lists (one name a line) as they edit the list,
  keeping the id of an area kept by name, or renamed in its place, so its scores stay with it;
* ``set_score`` / ``clear_score`` / ``score_of`` one team's score on one area;
* ``moves(sessions)`` per team and area, the score in each workshop of a series, oldest first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .assessment_rows import MAX_AREAS, MAX_NAME, Assessment, AssessmentArea
from .model import Session

AREAS_FILE = "assessment-areas.toml"


class _AreaRow(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


class _ScoreRow(Protocol):
    @property
    def team(self) -> str: ...
    @property
    def area(self) -> str: ...
    @property
    def score(self) -> int: ...


class Scored(Protocol):
    """What ``moves`` reads of a workshop: a ``Session`` or a folder index's outline."""

    @property
    def areas(self) -> Sequence[_AreaRow] | None: ...
    @property
    def assessments(self) -> Sequence[_ScoreRow] | None: ...
    def team_name(self, team_id: str | None) -> str: ...


@lru_cache(maxsize=1)
def _shipped() -> tuple[AssessmentArea, ...]:
    import tomllib  # here: only a session without its own areas reads the shipped list
    from importlib import resources

    text = resources.files("c2c_tui").joinpath("data", AREAS_FILE).read_text(encoding="utf-8")
    return tuple(AssessmentArea.model_validate(row) for row in tomllib.loads(text)["areas"])


def shipped_areas() -> list[AssessmentArea]:
    """The areas c2c ships (fresh copies: a caller may change them)."""
    return [area.model_copy() for area in _shipped()]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


Lines = list[AssessmentArea | None]  # what each line of the typed list stands for (None: nothing)


def areas_from_lines(
    lines: Sequence[str], before: Sequence[AssessmentArea | None]
) -> tuple[list[AssessmentArea], Lines]:
    """The areas a person listed, one per line, as the list is edited: ``before[i]`` is what line ``i``
    stood for at the previous edit (for a line just emptied: what it held, so retyping it keeps it).

    A line with the name of an area of ``before`` is that area (a line moved or another one removed);
    else it keeps the area its place held (a rename in place, letter by letter, keeps the id and so the
    scores); else it is a new area with an id from its name. Blank lines are no area. Returns the areas
    and, for the next edit, what each line stands for now. ValueError (one line): a name listed twice,
    a name too long, too many areas."""
    cleaned = [" ".join(line.split()) for line in lines]
    names = [name for name in cleaned if name]
    if len(names) > MAX_AREAS:
        raise ValueError(f"areas: at most {MAX_AREAS} areas")
    for index, name in enumerate(names):
        if len(name) > MAX_NAME:
            raise ValueError(f"areas: {name[:40]!r}… is longer than {MAX_NAME} characters")
        if any(_same(name, other) for other in names[:index]):
            raise ValueError(f"areas: {name!r} is listed twice")
    known = [area for area in before if area is not None]
    by_name: dict[int, AssessmentArea] = {}
    used: set[str] = set()
    for index, name in enumerate(cleaned):
        match = next((a for a in known if name and _same(a.name, name) and a.id not in used), None)
        if match is not None:
            by_name[index] = match
            used.add(match.id)
    now: Lines = []
    for index, name in enumerate(cleaned):
        area = by_name.get(index)
        if area is None:
            held = before[index] if index < len(before) else None
            if held is not None and held.id not in used:
                area = held
            elif name:
                area = AssessmentArea(id=_new_id(name, used | {a.id for a in known}), name=name)
        if area is not None:
            used.add(area.id)
            if name:
                area = area.model_copy(update={"name": name})
        now.append(area)
    areas = [area for area, name in zip(now, cleaned, strict=True) if area is not None and name]
    return areas, now


def settle_ids(areas: Sequence[AssessmentArea], keep: set[str]) -> list[AssessmentArea]:
    """``areas`` with an id from its name for each area whose id is not in ``keep`` (an area made while
    typing got its id from its first letters; ``keep``: the ids in the file and the ids scores use)."""
    taken = {a.id for a in areas if a.id in keep}
    out = []
    for area in areas:
        if area.id not in keep:
            area = area.model_copy(update={"id": _new_id(area.name, taken)})
        taken.add(area.id)
        out.append(area)
    return out


def _new_id(name: str, taken: set[str]) -> str:
    """A readable id from the name ("Data and evidence" -> "data-and-evidence"), unique in ``taken``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    base = "-".join(re.findall(r"[a-z0-9]+", plain.lower()))[:40].strip("-") or "area"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def score_of(session: Session, team: str, area: str) -> Assessment | None:
    return next((a for a in session.assessments or () if a.team == team and a.area == area), None)


def set_score(session: Session, team: str, area: str, score: int, note: str | None = None) -> Assessment:
    """Team ``team`` scores area ``area`` ``score`` (1-5); ``note`` None keeps the note it had."""
    if not 1 <= score <= 5:
        raise ValueError(f"score: {score} is not 1-5")
    rows = list(session.assessments or ())
    old = score_of(session, team, area)
    row = Assessment(
        team=team, area=area, score=score, note=(old.note if old else "") if note is None else note.strip()
    )
    if old is None:
        rows.append(row)
    else:
        rows[next(i for i, r in enumerate(rows) if r is old)] = row
    session.assessments = rows
    return row


def clear_score(session: Session, team: str, area: str) -> bool:
    """Remove the team's score on the area; False when it had none."""
    rows = list(session.assessments or ())
    left = [r for r in rows if not (r.team == team and r.area == area)]
    session.assessments = left or None
    return len(left) != len(rows)


# -- across a series -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """One team's scores on one area across a series: ``scores[i]`` in workshop ``i`` (None: no score)."""

    team: str  # the team's name (teams are matched by name across workshops)
    area: str  # the area's name, as the latest workshop that scored it calls it
    scores: tuple[int | None, ...]

    @property
    def change(self) -> int | None:
        """Last score minus first; None with fewer than two scores."""
        given = [s for s in self.scores if s is not None]
        return given[-1] - given[0] if len(given) >= 2 else None


def moves(sessions: Sequence[Scored]) -> list[Move]:
    """Every (team, area) scored in any of ``sessions`` (a series, oldest first), in the order first seen.

    Teams are matched by name (case and spaces aside), areas by id, as ``c2c new --after`` carries them."""
    order: list[tuple[str, str]] = []
    names: dict[tuple[str, str], tuple[str, str]] = {}
    scores: dict[tuple[str, str], list[int | None]] = {}
    for index, session in enumerate(sessions):
        area_names = {a.id: a.name for a in session.areas or ()}
        for row in session.assessments or ():
            team = session.team_name(row.team) or row.team
            key = (" ".join(team.split()).casefold(), row.area)
            if key not in scores:
                order.append(key)
                scores[key] = [None] * len(sessions)
            scores[key][index] = row.score
            names[key] = (team, area_names.get(row.area, row.area))
    return [Move(names[k][0], names[k][1], tuple(scores[k])) for k in order]
