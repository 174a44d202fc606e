"""The folder index: the few facts the folder views need, kept beside the sessions, so a folder command
reads only the files that changed since the last run.

The index is one dot-file in the folder, ``.c2c-index.json`` (the folder scan skips dot-files). Per
session file name it holds the file's identity when it was read (size, mtime and ctime in nanoseconds,
inode, device) and either what the folder views show (the session's *outline*, see ``outline``; how
many entries and options it has; its search text) or the one-line problem of a file that did not load.

Never trusted over the files:

* an entry is used only when the file's identity now is exactly the one recorded, and the file was last
  changed (mtime and ctime) at least ``SETTLED_NS`` before this read: an edit within the same clock tick
  and of the same size is never missed (a file that recent is read again);
* the whole index is validated (its own version, this c2c's version and the session schema, and every
  outline by the same ``Session`` model a session file goes through); anything wrong and it is ignored as
  a whole and rebuilt from the files. Text in it is shown only through the same neutralising path as
  text from a session file, and a problem line that is not already plain text is not taken from it;
* it is read only when it is a regular file (never through a symlink), at most ``MAX_INDEX_BYTES``;
* it is written atomically (temporary file in the folder, fsync, rename: ``store.atomic``), never
  through a symlink or over anything but a regular file. A folder that cannot be written (read-only, full)
  just goes without the index. Two processes updating it at once each replace it whole: the last one
  wins, and since every entry is checked against its file again on the next read, either is right.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from datetime import UTC
from datetime import date as Date
from pathlib import Path
from typing import Annotated, BinaryIO, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from ... import __version__
from ..clock.log import RunState
from ..model import (
    SCHEMA_VERSION,
    ActionStatus,
    EntryKind,
    Mode,
    PhaseId,
    Session,
    TeamRole,
)
from ..reading.errors import SessionError
from ..series_rows import ReviewKind, ReviewOutcome
from ..store.atomic import write_bytes_atomic
from ..text.neutral import shown

INDEX_FILE = ".c2c-index.json"
INDEX_VERSION: Literal[1] = 1
MAX_INDEX_BYTES = 256 * 1024 * 1024
SETTLED_NS = 2_000_000_000  # a file changed less than 2 s ago is read again, whatever the index says
OUTLINE_KINDS = ("follow_up",)  # entry kinds the folder views read (and every ``feedback_*`` kind)

Identity = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device


def identity(info: os.stat_result) -> Identity:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def settled(info: os.stat_result, wall_ns: int) -> bool:
    """The file was last changed long enough ago that a later change will show in its identity."""
    return wall_ns - max(info.st_mtime_ns, info.st_ctime_ns) >= SETTLED_NS


UTCTime = Annotated[AwareDatetime, AfterValidator(lambda t: t.astimezone(UTC))]


class _Strict(BaseModel):
    """Plain shapes, checked by pydantic's core alone (no Python validator: fast on a thousand files)."""

    model_config = ConfigDict(extra="forbid")


class _Team(_Strict):
    id: str
    name: str
    role: TeamRole
    city: str = ""
    organisation: str = ""


class _Participant(_Strict):
    id: str
    name: str
    team: str | None = None


class _Entry(_Strict):
    id: str
    phase: PhaseId
    kind: EntryKind
    text: str
    team: str | None = None
    speaker: str | None = None
    score: int | None = Field(default=None, ge=1, le=5)
    created: UTCTime | None = None
    edited: UTCTime | None = None


class _Action(_Strict):
    id: str
    text: str
    owner: str = ""
    due: Date | None = None
    status: ActionStatus = "open"
    team: str | None = None
    note: str = ""
    created: UTCTime | None = None
    updated: UTCTime | None = None

    def is_overdue(self, today: Date) -> bool:
        """Still open after its due date (as ``model.Action``)."""
        return self.status == "open" and self.due is not None and self.due < today


OutlineAction = _Action  # an action as a folder view reads it (``model.Action``'s fields and is_overdue)


class _Review(_Strict):
    file: str
    workshop: UTCTime | None = None
    kind: ReviewKind = "action"
    item: str
    text: str = ""
    outcome: ReviewOutcome = "open"
    owner: str | None = None
    due: Date | None = None
    note: str = ""
    at: UTCTime | None = None


class _Workshop(_Strict):
    purpose: str = ""
    date: Date | None = None
    start_time: str | None = None
    place: str = ""
    mode: Mode = "in-person"
    facilitator: str = ""
    note_taker: str = ""
    after: str | None = None
    after_created: UTCTime | None = None
    timezone: str | None = None  # as checked by the model when the file was read


class _Area(_Strict):
    id: str
    name: str


class _Assessment(_Strict):
    team: str
    area: str
    score: int = Field(ge=1, le=5)


class Outline(_Strict):
    """What the folder views read of a session (``outline``): the title and dates, the workshop's few
    lines, the teams, the participants' names, the actions, the follow-up offers and feedback, the
    reviews of earlier workshops' items, the clock's run state, and how many entries and options.

    Its parts have the names and meanings of the session model's (``Session``, ``Action``...), with the
    few look-ups the views use (``team_name``, ``Action.is_overdue``): the views read it as they would
    read a session, and what it does not hold (the day's notes, options, clock) is not there to misread."""

    title: str
    created: UTCTime | None = None
    workshop: _Workshop
    teams: list[_Team]
    participants: list[_Participant]
    entries: list[_Entry]  # follow-up offers and feedback only
    actions: list[_Action]
    reviews: list[_Review] | None = None
    areas: list[_Area] | None = None  # the self-assessment (the series overview's movement)
    assessments: list[_Assessment] | None = None
    state: RunState
    entry_count: int
    option_count: int

    def team(self, team_id: str | None) -> _Team | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def team_name(self, team_id: str | None) -> str:
        """As ``Session.team_name``: the team's name, "" for none."""
        if team_id is None:
            return ""
        for team in self.teams:  # a handful: a loop beats building a map
            if team.id == team_id:
                return team.name
        return ""


_WORKSHOP = tuple(_Workshop.model_fields)
_KEEP = {
    _Team: tuple(_Team.model_fields),
    _Participant: tuple(_Participant.model_fields),
    _Entry: tuple(_Entry.model_fields),
    _Action: tuple(_Action.model_fields),
    _Review: tuple(_Review.model_fields),
    _Area: tuple(_Area.model_fields),
    _Assessment: tuple(_Assessment.model_fields),
}


def _light(cls: type[_Strict], item: object) -> _Strict:
    return cls.model_construct(**{name: getattr(item, name) for name in _KEEP[cls]})


def outline(session: Session, state: RunState) -> Outline:
    """The outline of a session read in full (nothing validated again: the session was)."""
    kept = [e for e in session.entries if e.kind in OUTLINE_KINDS or e.kind.startswith("feedback_")]
    w = session.workshop
    return Outline.model_construct(
        title=session.title,
        created=session.created,
        workshop=_Workshop.model_construct(**{name: getattr(w, name) for name in _WORKSHOP}),
        teams=[_light(_Team, t) for t in session.teams],
        participants=[_light(_Participant, p) for p in session.participants],
        entries=[_light(_Entry, e) for e in kept],
        actions=[_light(_Action, a) for a in session.actions],
        reviews=None if session.reviews is None else [_light(_Review, r) for r in session.reviews],
        areas=None if session.areas is None else [_light(_Area, a) for a in session.areas],
        assessments=(
            None if session.assessments is None else [_light(_Assessment, a) for a in session.assessments]
        ),
        state=state,
        entry_count=len(session.entries),
        option_count=len(session.options),
    )


def search_fields(session: Session, name: str) -> dict[str, str]:
    """Lower-cased text per search field (``library.matches``): values joined by newlines, so a word
    (which never holds whitespace) cannot match across two values."""
    s = session
    w = s.workshop
    title = [s.title]
    teams = [part for t in s.teams for part in (t.name, t.city, t.organisation)]
    people = [p.name for p in s.participants] + [w.facilitator, w.note_taker]
    people += [e.speaker or "" for e in s.entries] + [o.speaker or "" for o in s.options]
    people += [a.owner for a in s.actions]
    text = [w.purpose, w.challenge, w.place, w.mode, str(w.date or ""), *w.shared_before]
    text += [part for q in w.pre_questions for part in (q.text, q.answer or "")]
    text += [part for p in s.participants for part in (p.role, p.organisation, p.sector, p.email)]
    text += [e.text for e in s.entries]
    text += [part for o in s.options for part in (o.title, o.detail)]
    text += [part for a in s.actions for part in (a.text, a.note, str(a.due or ""), a.status)]
    fields = {"title": title, "team": teams, "who": people}
    out = {key: "\n".join(values).casefold() for key, values in fields.items()}
    out["all"] = "\n".join([*out.values(), "\n".join(text).casefold(), name.casefold()])
    return out


class Facts(_Strict):
    """One session file as the folder views show it (its outline), or the problem it has (``problem``)."""

    identity: tuple[int, int, int, int, int]
    outline: Outline | None = None
    problem: str | None = None  # the one-line problem, without the leading "PATH: "

    def usable(self) -> bool:
        if self.problem is not None:
            return self.outline is None and shown(self.problem) == self.problem
        return self.outline is not None


class IndexFile(_Strict):
    index: Literal["c2c folder index"] = "c2c folder index"
    index_version: Literal[1] = INDEX_VERSION
    c2c: str = __version__
    schema_version: int = SCHEMA_VERSION
    files: dict[str, Facts]


def facts_of(session: Session, info: os.stat_result, state: RunState) -> Facts:
    return Facts.model_construct(identity=identity(info), outline=outline(session, state), problem=None)


@contextlib.contextmanager
def regular_file(path: Path) -> Iterator[BinaryIO | None]:
    """``path`` open for reading when it is a regular file (never through a symlink) of at most
    ``MAX_INDEX_BYTES``, else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        yield None
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INDEX_BYTES:
            yield None
            return
        with os.fdopen(fd, "rb", closefd=False) as stream:
            yield stream
    finally:
        os.close(fd)


def read_regular(path: Path) -> bytes | None:
    """The bytes of ``path`` when it is a regular file (``regular_file``), else None."""
    try:
        with regular_file(path) as stream:
            if stream is None:
                return None
            return stream.read(os.fstat(stream.fileno()).st_size + 1)  # read(n) sets n bytes aside
    except OSError:
        return None


def read_index(folder: Path) -> dict[str, Facts]:
    """The index's entries, or none when it is absent, not a regular file, damaged or of another version."""
    data = read_regular(folder / INDEX_FILE)
    if data is None:
        return {}
    try:
        index = IndexFile.model_validate_json(data)
    except (ValidationError, ValueError, RecursionError):
        return {}
    if index.c2c != __version__ or index.schema_version != SCHEMA_VERSION:
        return {}
    return {name: facts for name, facts in index.files.items() if _safe_name(name) and facts.usable()}


def write_index(folder: Path, files: dict[str, Facts]) -> bool:
    """Replace the index with ``files`` (atomically). False, silently, when it cannot be written."""
    return write_regular(folder / INDEX_FILE, IndexFile(files=files).model_dump_json().encode("utf-8"))


def write_regular(path: Path, data: bytes) -> bool:
    """Replace ``path`` with ``data`` atomically, never through a symlink or over anything but a regular
    file. False, silently, when it cannot be written (an index is only a saving of time)."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False  # a symlink, folder or pipe planted there: left alone, the folder goes without
    try:
        write_bytes_atomic(path, data)
    except (SessionError, OSError):
        return False  # a read-only or full folder
    return True


def wall_ns() -> int:
    """The file system's idea of now, to compare with the files' mtimes (not the workshop's clock)."""
    return time.time_ns()


def _safe_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and name not in (".", "..")
