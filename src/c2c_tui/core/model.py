"""The session file as pydantic models (schema_version 1).

One `Session` is one workshop. The file is TOML, written with tomli-w (``exclude_none``) and read
with tomli, the compiled upstream of tomllib (tomllib words every refusal: see ``reading``). Unknown
fields are refused (``extra="forbid"``) so a typo never silently loses data.
Teams are referred to by their ``id`` (a file may name one by its exact name: see ``rows``); every item
has a stable ``id`` so it can be edited later (a row without one gets one: ``rows.complete``). What a file
may hold is bounded (``MAX_MINUTES``, ``EARLIEST``..``LATEST``) so every command can show what loads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from .assessment_rows import Assessment, AssessmentArea, assessment_problems
from .ids import ID_RE, check_id
from .proposal_rows import Candidate
from .rows import complete
from .series_rows import Review, check_path_text
from .times import file_time
from .vocabulary import (  # noqa: F401 - the shared words (pydantic-free), re-exported for every importer
    ACTION_STATUSES,
    ENTRY_KINDS,
    FEEDBACK_KINDS,
    MOSCOW,
    PHASE_IDS,
    ROLE_LABELS,
    ROLE_TITLES,
    ActionStatus,
    ClockEventKind,
    EntryKind,
    Mode,
    MoSCoW,
    PhaseId,
    TeamRole,
    next_status,
)
from .zone import check_zone_name, read_naive

SCHEMA_VERSION = 1

Score = Annotated[int, Field(ge=1, le=5)]

# The bounds of what a file may hold, so that whatever loads can be shown by every command: no sum of
# minutes and no conversion to any time zone can leave the range of ``datetime``.
MAX_MINUTES = 24 * 60  # an agenda phase, one extend, one rebalance adjustment of one phase
HISTORY_KEPT = 50  # the capture line's entered lines kept in the file for the next start (its Up key)
Minutes = Annotated[int, Field(ge=-MAX_MINUTES, le=MAX_MINUTES)]


def no_rows() -> list[Any]:
    """A new empty list: a default factory that is a plain function (pydantic reads each factory's signature,
    and a builtin's such as ``list`` is parsed from text by ``inspect``: a few ms of every start)."""
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class _Item(_Model):
    id: str

    _id_shape = field_validator("id")(check_id)


class PreQuestion(_Model):
    """A question an Advisor team asked the Seeking team before the day."""

    text: str
    team: str | None = None
    answer: str | None = None


class Workshop(_Model):
    purpose: str = ""
    challenge: str = ""
    date: Date | None = None
    start_time: str | None = None  # "HH:MM" local, for the plan only
    timezone: Annotated[str, AfterValidator(check_zone_name)] | None = None  # IANA; None: the machine's
    place: str = ""
    mode: Mode = "in-person"
    facilitator: str = ""
    note_taker: str = ""
    shared_before: list[str] = Field(default_factory=no_rows)
    pre_questions: list[PreQuestion] = Field(default_factory=no_rows)
    hopes: str | None = None  # the proposal: what the city hopes to gain from the workshop
    logistics: str | None = None  # the proposal: how it will be held (travel, video, interpretation, costs)
    candidates: list[Candidate] | None = None  # the proposal: cities to hold it with, and why (proposal_rows)
    after: str | None = None  # a follow-on workshop: the earlier one's file, relative to this file's folder
    after_created: datetime | None = None  # the earlier one's ``created``: finds it again after a rename

    @field_validator("after")
    @classmethod
    def _after_path(cls, value: str | None) -> str | None:
        return None if value is None else check_path_text(value)

    @field_validator("after_created")
    @classmethod
    def _after_aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else file_time(value)

    @field_validator("start_time")
    @classmethod
    def _hhmm(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise ValueError("start_time is HH:MM (24-hour), e.g. 09:30")
        return value


class Settings(_Model):
    warning_seconds: int = Field(default=120, ge=0, le=3600)
    danger_seconds: int = Field(default=60, ge=0, le=3600)
    bell: bool = True

    @model_validator(mode="after")
    def _order(self) -> Settings:
        if self.danger_seconds > self.warning_seconds:
            raise ValueError("danger_seconds must not be larger than warning_seconds")
        return self


class CaptureLine(_Model):
    """The capture line between two runs (and across a crash): ``draft`` is text typed but not entered
    (kept once typing pauses, restored on the next start, gone once entered); ``history`` the last lines
    entered, oldest first, as typed (at most ``HISTORY_KEPT``), what Up recalls after a restart."""

    draft: str | None = Field(default=None, min_length=1)
    history: list[Annotated[str, Field(min_length=1)]] | None = Field(
        default=None, min_length=1, max_length=HISTORY_KEPT
    )


class Team(_Item):
    name: str = Field(min_length=1)
    role: TeamRole
    city: str = ""
    organisation: str = ""
    turn_minutes: int | None = Field(default=None, ge=1, le=MAX_MINUTES)  # a fixed share of Part 2 (advisors)


class Participant(_Item):
    name: str = Field(min_length=1)
    team: str | None = None
    role: str = ""
    organisation: str = ""
    sector: str = ""
    email: str = ""


class AgendaItem(_Model):
    phase: PhaseId
    minutes: int = Field(ge=1, le=MAX_MINUTES)
    note: str = ""


class ClockEvent(_Model):
    """One thing that happened to the clock. The clock state is derived from the whole log."""

    at: datetime
    event: ClockEventKind
    minutes: Minutes | None = None  # extend
    phase: PhaseId | None = None  # the phase the event applied to (informative; derived state wins)
    adjust: dict[PhaseId, Minutes] | None = None  # rebalance: minutes added (or taken) per phase
    team: str | None = None  # turn: the Advisor team whose turn it is now (none: the turns are over)

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return file_time(value)

    @field_validator("team")
    @classmethod
    def _team_id(cls, value: str | None) -> str | None:
        if value is not None and not ID_RE.match(value):
            raise ValueError("a turn names a team by its id (1-64 letters, digits, '-', '_' or '.')")
        return value

    @model_validator(mode="after")
    def _fields_fit(self) -> ClockEvent:
        if self.event == "extend" and self.minutes is None:
            raise ValueError("an extend event needs minutes")
        if self.event == "rebalance" and self.adjust is None:
            raise ValueError("a rebalance event needs adjust")
        if self.team is not None and self.event != "turn":
            raise ValueError("only a turn event names a team")
        return self


class Entry(_Item):
    phase: PhaseId
    kind: EntryKind
    text: str
    team: str | None = None
    speaker: str | None = None
    score: Score | None = None  # feedback_useful: how useful the workshop was, 1-5
    created: datetime | None = None
    edited: datetime | None = None

    @field_validator("created", "edited")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else file_time(value)


class Option(_Item):
    title: str
    detail: str = ""
    team: str | None = None  # the source team: where it worked
    moscow: MoSCoW | None = None
    impact: Score | None = None
    risk: Score | None = None
    speaker: str | None = None
    created: datetime | None = None

    @field_validator("created")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else file_time(value)


class Action(_Item):
    text: str
    owner: str = ""
    due: Date | None = None
    status: ActionStatus = "open"
    team: str | None = None
    note: str = ""
    created: datetime | None = None
    updated: datetime | None = None

    @field_validator("created", "updated")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else file_time(value)

    def is_overdue(self, today: Date) -> bool:
        """Still open after its due date."""
        return self.status == "open" and self.due is not None and self.due < today


def default_agenda() -> list[AgendaItem]:
    minutes = {"rapport": 10, "context": 15, "insights": 30, "reflect": 20, "agree": 15}
    return [AgendaItem(phase=p, minutes=minutes[p]) for p in PHASE_IDS]


class Session(_Model):
    schema_version: int = SCHEMA_VERSION
    title: str = Field(min_length=1)
    created: datetime | None = None
    workshop: Workshop = Field(default_factory=lambda: Workshop())
    settings: Settings = Field(default_factory=lambda: Settings())
    capture: CaptureLine | None = None  # [capture]: only while a draft or a history is kept
    teams: list[Team] = Field(default_factory=no_rows)
    participants: list[Participant] = Field(default_factory=no_rows)
    agenda: list[AgendaItem] = Field(default_factory=default_agenda)
    clock: list[ClockEvent] = Field(default_factory=no_rows)
    entries: list[Entry] = Field(default_factory=no_rows)
    options: list[Option] = Field(default_factory=no_rows)
    actions: list[Action] = Field(default_factory=no_rows)
    reviews: list[Review] | None = None  # a follow-on workshop: what became of earlier items (series_rows)
    areas: list[AssessmentArea] | None = None  # pre-work: the self-assessment's areas (assessment_rows)
    assessments: list[Assessment] | None = None  # pre-work: each team's score per area

    @field_validator("created")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else file_time(value)

    @model_validator(mode="before")
    @classmethod
    def _complete_rows(cls, data: Any) -> Any:
        """Rows without an id get the next free one; a team named by its exact name becomes its id; a
        time without an offset is read in the workshop's zone."""
        return read_naive(complete(data))

    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value < 1:
            raise ValueError("schema_version starts at 1")
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"schema_version {value} is newer than this c2c reads ({SCHEMA_VERSION}); upgrade c2c"
            )
        return value

    @field_validator("agenda")
    @classmethod
    def _five_phases(cls, value: list[AgendaItem]) -> list[AgendaItem]:
        phases = tuple(item.phase for item in value)
        if phases != PHASE_IDS:
            raise ValueError("the agenda lists the five phases once each, in order: " + ", ".join(PHASE_IDS))
        return value

    @model_validator(mode="after")
    def _references(self) -> Session:
        problems = self.reference_problems()
        if problems:
            raise ValueError("\n".join(problems))  # one line each (``problems`` splits them)
        return self

    def reference_problems(self) -> list[str]:
        """Duplicate ids and team references to no team, one line each, in the order of the file."""
        problems: list[str] = []
        for name, items in (
            ("teams", self.teams),
            ("participants", self.participants),
            ("entries", self.entries),
            ("options", self.options),
            ("actions", self.actions),
        ):
            seen: set[str] = set()
            for index, item in enumerate(items):
                if item.id in seen:
                    problems.append(f"{name}[{index}].id: duplicate id {item.id!r}")
                seen.add(item.id)
        team_ids = {team.id for team in self.teams}
        referring: tuple[tuple[str, Sequence[_Model]], ...] = (
            ("participants", self.participants),
            ("entries", self.entries),
            ("options", self.options),
            ("actions", self.actions),
            ("workshop.pre_questions", self.workshop.pre_questions),
        )
        for name, refs in referring:
            for index, ref in enumerate(refs):
                team = getattr(ref, "team", None)
                if team is not None and team not in team_ids:
                    problems.append(f"{name}[{index}].team: no team has the id {team!r}")
        return problems + assessment_problems(team_ids, self.areas, self.assessments)

    # -- look-ups -------------------------------------------------------------------------------------

    def team(self, team_id: str | None) -> Team | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def team_name(self, team_id: str | None) -> str:
        team = self.team(team_id)
        return team.name if team else ""

    @property
    def seeking_teams(self) -> list[Team]:
        return [t for t in self.teams if t.role == "seeking"]

    @property
    def advisor_teams(self) -> list[Team]:
        return [t for t in self.teams if t.role == "advisor"]

    def next_id(self, prefix: str) -> str:
        """A fresh id such as ``e12``: one more than the largest ``prefix<number>`` in use."""
        pools: dict[str, Sequence[_Item]] = {
            "t": self.teams,
            "p": self.participants,
            "e": self.entries,
            "o": self.options,
            "a": self.actions,
        }
        pool = pools[prefix]
        top = 0
        for item in pool:
            match = re.fullmatch(re.escape(prefix) + r"(\d+)", item.id)
            if match:
                top = max(top, int(match.group(1)))
        return f"{prefix}{top + 1}"
