"""A session as the home list shows it (``Row``), and the folder's rows file, ``.c2c-rows.json``.

The home screen keeps one small ``Row`` per session: what its table, its detail lines and the actions'
open and late counts read (the title, dates, the workshop's few lines, the teams' names, how many
people, entries and options, each action's id, status, due date and last change, and the reviews of
earlier workshops' actions). Plain tuples: a thousand rows cost a few megabytes, where the outlines
(``folder_index.Outline``) of the same sessions cost thirty. The rest of a session is read when it is
asked for: its file when it is opened, the outline index (``folder_index``) for the folder commands.

The rows file is the home screen's index, beside ``.c2c-index.json`` and trusted the same way (an entry
only for a file whose identity is the one recorded and settled; the whole file ignored when anything in
it is wrong, a line short included; read only as a regular file; written atomically, never through a
link; two writers each replace it whole). It is JSON lines: a header, then one line per session file,
read and checked one at a time, so reading it holds the rows and one line, never the whole file parsed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import date as Date
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import Field, TypeAdapter, ValidationError

from ... import __version__
from ..clock.log import RunState
from ..model import SCHEMA_VERSION, ActionStatus, Mode
from ..series_rows import ReviewOutcome
from ..text.neutral import shown
from ..zone import session_zone
from .folder_index import Identity, Outline, UTCTime, _safe_name, _Strict, regular_file, write_regular

ROWS_FILE = ".c2c-rows.json"


class RowAction(NamedTuple):
    """An action as the counts read it: its id, status, due date and when it last changed in its file."""

    id: str
    status: ActionStatus
    due: Date | None
    changed: UTCTime | None  # ``updated``, else ``created``


class RowReview(NamedTuple):
    """A review of an earlier workshop's action (only those with a time: the others change nothing)."""

    file: str
    workshop: UTCTime | None  # the earlier workshop's created time (found by it when renamed)
    item: str
    outcome: ReviewOutcome
    due: Date | None
    at: UTCTime


class Row(NamedTuple):
    title: str
    date: Date | None  # the workshop date as written
    day: Date | None  # the date the list sorts by: the workshop date, else the day it was created
    created: UTCTime | None
    place: str
    mode: Mode
    start_time: str | None
    timezone: str | None
    purpose: str
    teams: tuple[str, ...]  # the teams' names
    participants: int
    entries: int
    options: int
    state: RunState
    actions: tuple[RowAction, ...]
    reviews: tuple[RowReview, ...]


def row_of(outline: Outline) -> Row:
    """The row of a session, from its outline (``folder_index.outline``)."""
    s, w = outline, outline.workshop
    day = w.date
    if day is None and s.created is not None:
        day = s.created.astimezone(session_zone(s) or UTC).date()
    return Row(
        s.title, w.date, day, s.created, w.place, w.mode, w.start_time, w.timezone, w.purpose,
        tuple(t.name for t in s.teams), len(s.participants), s.entry_count, s.option_count, s.state,
        tuple(RowAction(a.id, a.status, a.due, a.updated or a.created) for a in s.actions),
        tuple(
            RowReview(r.file, r.workshop, r.item, r.outcome, r.due, r.at)
            for r in s.reviews or ()
            if r.kind == "action" and r.at is not None
        ),
    )  # fmt: skip


class RowFacts(NamedTuple):
    """One session file as the home list shows it (its row), or the problem it has (``problem``)."""

    identity: tuple[int, int, int, int, int]
    row: Row | None = None
    problem: str | None = None  # the one-line problem, without the leading "PATH: "

    def usable(self) -> bool:
        if self.problem is not None:
            return self.row is None and shown(self.problem) == self.problem
        return self.row is not None


class _Header(_Strict, defer_build=True):
    index: Literal["c2c folder rows"] = "c2c folder rows"
    index_version: Literal[1] = 1
    c2c: str = __version__
    schema_version: int = SCHEMA_VERSION
    files: int = Field(ge=0)  # how many lines follow: a file cut at a line's end is whole no more


@cache
def _line() -> TypeAdapter[tuple[str, RowFacts]]:
    """One line per session file: [name, [identity, row, problem]] (built when first read or written:
    not on the home screen's way to its first frame)."""
    return TypeAdapter(tuple[str, RowFacts])


def row_facts(identity: Identity, row: Row | None = None, problem: str | None = None) -> RowFacts:
    return RowFacts(identity, row, problem)


def read_rows(folder: Path) -> dict[str, RowFacts]:
    """The rows file's entries, or none when it is absent, not a regular file, damaged or of another
    version. It is read a line (a session) at a time: what is held meanwhile is the rows, not the file."""
    files: dict[str, RowFacts] = {}
    try:
        with regular_file(folder / ROWS_FILE) as stream:
            if stream is None:
                return {}
            header = _Header.model_validate_json(stream.readline())
            if header.c2c != __version__ or header.schema_version != SCHEMA_VERSION:
                return {}
            count, line_of = 0, _line()
            for line in stream:
                name, facts = line_of.validate_json(line)
                count += 1
                if _safe_name(name) and facts.usable():
                    files[name] = facts
    except (ValidationError, ValueError, RecursionError, OSError):
        return {}
    return files if count == header.files else {}


def write_rows(folder: Path, files: dict[str, RowFacts]) -> bool:
    """Replace the rows file with ``files`` (atomically). False, silently, when it cannot be written."""
    lines = [_Header(files=len(files)).model_dump_json().encode("utf-8")]
    lines += [_line().dump_json((name, facts)) for name, facts in files.items()]
    return write_regular(folder / ROWS_FILE, b"\n".join(lines) + b"\n")


def newest(row: Row, mtime: float) -> Date:
    """The date the list is sorted by: the row's day, else the day the file was last written."""
    return row.day if row.day is not None else datetime.fromtimestamp(mtime, UTC).date()
