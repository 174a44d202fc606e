"""The pre-work rows of a session file: the self-assessment's ``[[areas]]`` and ``[[assessments]]``.

Before a workshop each team scores itself 1-5 on a few areas, with a short note:

```toml
[[areas]]
id = "data"
name = "Data and evidence"
question = "Do we know the size and shape of the problem?"   # optional: what the score is about

[[assessments]]
team = "valmora"      # a team's id (or its exact name: ``rows.complete``)
area = "data"         # an area's id, one of this file's [[areas]]
score = 2             # 1 (just starting) to 5 (a strength)
note = "No heat-death register yet"
```

A team scores an area once: the pair (team, area) is the row's identity, so the rows need no id of their
own. The areas a workshop lists are its own; without a list the set-up offers the series' or the shipped
template's (``assessment``), and writes the list with the first score, so every file holding scores also
names their areas. ``assessment_problems`` words what ``Session`` refuses, one line each.

Plain pydantic like ``model``, below it (``model`` imports this).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .ids import check_id

MAX_AREAS = 50
MAX_NAME = 200
MAX_NOTE = 2000
SCORE_WORDS = {1: "just starting", 2: "early", 3: "in progress", 4: "established", 5: "a strength"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class AssessmentArea(_Strict):
    """One area a team scores itself on."""

    id: str
    name: str = Field(min_length=1, max_length=MAX_NAME)
    question: str = Field(default="", max_length=MAX_NOTE)

    _id_shape = field_validator("id")(check_id)

    @field_validator("name")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("an area has a name")
        if len(value.splitlines()) > 1:
            raise ValueError("an area's name is one line")
        return value


class Assessment(_Strict):
    """One team's score (1-5) on one area before the workshop, with a note."""

    team: str = Field(min_length=1, max_length=64)
    area: str = Field(min_length=1, max_length=64)
    score: int = Field(ge=1, le=5)
    note: str = Field(default="", max_length=MAX_NOTE)


def assessment_problems(
    team_ids: set[str],
    areas: Sequence[AssessmentArea] | None,
    assessments: Sequence[Assessment] | None,
) -> list[str]:
    """What a session refuses in its self-assessment, one line each, in the order of the file."""
    problems: list[str] = []
    area_list = list(areas or ())
    if len(area_list) > MAX_AREAS:
        problems.append(f"areas: at most {MAX_AREAS} areas")
    seen: set[str] = set()
    names: set[str] = set()
    for index, area in enumerate(area_list):
        if area.id in seen:
            problems.append(f"areas[{index}].id: duplicate id {area.id!r}")
        seen.add(area.id)
        name = " ".join(area.name.split()).casefold()
        if name in names:
            problems.append(f"areas[{index}].name: another area is called {area.name!r}")
        names.add(name)
    pairs: set[tuple[str, str]] = set()
    for index, row in enumerate(assessments or ()):
        if row.team not in team_ids:
            problems.append(f"assessments[{index}].team: no team has the id {row.team!r}")
        if row.area not in seen:
            where = "" if area_list else " (list the areas in [[areas]])"
            problems.append(f"assessments[{index}].area: no area has the id {row.area!r}{where}")
        if (row.team, row.area) in pairs:
            problems.append(
                f"assessments[{index}]: team {row.team!r} already scored area {row.area!r} (once each)"
            )
        pairs.add((row.team, row.area))
    return problems
