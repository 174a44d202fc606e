"""A folder of saved sessions: what is there, what failed to load, and a search over all of it.

``scan(folder, now)`` reads every ``*.toml`` directly in the folder (not its sub-folders):

* dot-files are skipped silently (editor back-ups, the store's temporary and lock files);
* a file that does not load is listed in ``problems`` with its one-line message - it never hides
  the others;
* a conflict copy (``NAME.conflict-*.toml``, kept when a save could not safely overwrite the file) is
  not read as a session - its actions would be counted twice - but listed in ``problems``, so it is
  seen and reconciled by hand.

What is listed of each session is its outline (``SessionInfo.outline``: the title, dates, teams, people,
actions, follow-up offers, feedback and reviews; see ``folder_index``), taken from the folder index when
the file is unchanged since it was indexed, else read from the file (and the index brought up to date).
The whole session is read only when asked for (``SessionInfo.load``): one open session, not the folder.
``scan_rows(folder, now)`` is the same scan for the home list: it keeps only each session's row
(``rows.Row``, a few hundred bytes of plain tuples), from the rows file (``rows.ROWS_FILE``) where the
file is unchanged; a session's outline is then read from its file when it is asked for.

Sessions come newest first: by workshop date (a session without one falls back to the day it was
created, then to the day the file was last written), then by the file's modification time.

``matches(info, query)`` is a case-insensitive search. Every word of the query must be found; a word
may be limited to one field with ``title:``, ``team:`` or ``who:`` (participant names, owners and
speakers); other words search everything written in the session. Quotes keep words together:
``team:"city council"``.
"""

from __future__ import annotations

import gc
import os
import shlex
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from ..clock.log import RunState, state_of
from ..model import Session
from ..store.session_file import SessionError, load
from ..zone import session_zone
from .folder_index import (
    Facts,
    Identity,
    Outline,
    OutlineAction,
    facts_of,
    identity,
    read_index,
    search_fields,
    settled,
    wall_ns,
    write_index,
)
from .folder_index import outline as outline_of
from .rows import Row, RowAction, RowFacts, newest, read_rows, row_facts, row_of, write_rows
from .series_file import SERIES_FILE

CONFLICT_MARK = ".conflict-"
F = TypeVar("F", Facts, RowFacts)
_FIELD_ALIASES = {"title": "title", "team": "team", "who": "who", "participant": "who", "person": "who"}


class FolderError(SessionError):
    """The folder itself cannot be read (one line, like every SessionError)."""


@dataclass(frozen=True)
class FileProblem:
    """A file in the folder that is not listed as a session. ``message`` is the whole line to show."""

    path: Path
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class SessionInfo:
    """One saved session as the library shows it: its outline (``folder_index.outline``: all of it but
    the entries other than follow-up offers and feedback, the options and the capture line) or only its
    row (``rows.Row``: what the home list shows of it), never the whole session; ``load()`` reads the
    file for that. A session listed from its row (``scan_rows``) reads its outline from the file when
    asked; the row of one listed from its outline is made from it when asked."""

    path: Path
    mtime: float  # the file's modification time (seconds since the epoch)
    known: Outline | None = field(default=None, repr=False)  # the outline, when scanned
    given: Row | None = field(default=None, repr=False)  # the row, when listed from the rows file

    @classmethod
    def of(cls, path: Path, session: Session, info: os.stat_result, now: datetime) -> SessionInfo:
        """From a session read in full (its outline kept, the rest let go)."""
        return cls.from_facts(path, facts_of(session, info, state_of(session, now).state), info)

    @classmethod
    def from_facts(cls, path: Path, facts: Facts, info: os.stat_result) -> SessionInfo:
        assert facts.outline is not None
        return cls(path=path, mtime=info.st_mtime, known=facts.outline)

    @classmethod
    def from_row(cls, path: Path, facts: RowFacts, info: os.stat_result) -> SessionInfo:
        assert facts.row is not None
        return cls(path=path, mtime=info.st_mtime, given=facts.row)

    def load(self) -> Session:
        """The whole session, read from its file now (raises SessionError with a one-line message)."""
        return load(self.path)

    @cached_property
    def outline(self) -> Outline:
        """The outline: as scanned, else read from the file now (raises SessionError: it broke since)."""
        if self.known is not None:
            return self.known
        assert self.given is not None
        return outline_of(self.load(), self.given.state)

    @cached_property
    def row(self) -> Row:
        return self.given if self.given is not None else row_of(self.outline)

    # what the lists read: from the outline when there is one, else from the row (the same values)

    @property
    def title(self) -> str:
        return self.known.title if self.known is not None else self.row.title

    @property
    def date(self) -> Date | None:
        """The workshop date as written in the file (None when not set)."""
        return self.known.workshop.date if self.known is not None else self.row.date

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.known.teams) if self.known is not None else self.row.teams

    @property
    def state(self) -> RunState:
        """The clock's run state at the time of the scan."""
        return self.known.state if self.known is not None else self.row.state

    @property
    def entries(self) -> int:
        """How many entries the session has (the outline keeps few of them)."""
        return self.known.entry_count if self.known is not None else self.row.entries

    @property
    def options(self) -> int:
        return self.known.option_count if self.known is not None else self.row.options

    @property
    def actions(self) -> Sequence[OutlineAction] | Sequence[RowAction]:
        """Each action's id, status and due date (the outline's actions, or the row's)."""
        return self.known.actions if self.known is not None else self.row.actions

    @property
    def open_actions(self) -> int:
        return sum(1 for action in self.actions if action.status == "open")

    def overdue_actions(self, today: Date) -> int:
        return sum(1 for a in self.actions if a.status == "open" and a.due is not None and a.due < today)

    @property
    def sort_date(self) -> Date:
        """The date the list is sorted by: the workshop date, else the day created, else the file's day."""
        if self.known is None:
            return newest(self.row, self.mtime)
        if self.known.workshop.date is not None:
            return self.known.workshop.date
        if self.known.created is not None:
            return self.known.created.astimezone(session_zone(self.known) or UTC).date()
        return datetime.fromtimestamp(self.mtime, UTC).date()

    @cached_property
    def _search(self) -> dict[str, str]:
        """Lower-cased text per search field, built from the whole file on the first search (the outline
        does not hold the entries and options); from the row when the file no longer loads."""
        try:
            return search_fields(self.load(), self.path.name)
        except (SessionError, OSError, UnicodeDecodeError, RecursionError):  # it broke since: the title only
            title = self.row.title.casefold()
            return {"title": title, "team": "", "who": "", "all": f"{title}\n{self.path.name.casefold()}"}


@dataclass(frozen=True)
class Library:
    folder: Path
    sessions: list[SessionInfo]
    problems: list[FileProblem]


def _lines_joined(text: str) -> str:
    """The non-blank lines of an error message, stripped, on one line."""
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


def is_conflict_copy(path: Path) -> bool:
    return CONFLICT_MARK in path.name


def read_info(path: Path, now: datetime) -> SessionInfo:
    """Load one session file as a SessionInfo (raises SessionError with a one-line message)."""
    info = _stat(path)
    return SessionInfo.of(path, load(path), info, now)


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as error:
        raise SessionError(f"{path}: cannot read the file: {error.strerror or error}") from error


def session_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files directly in ``folder``, dot-files and the series file left out, sorted by name."""
    try:
        if not folder.is_dir():
            what = "no such folder" if not folder.exists() else "not a folder"
            raise FolderError(f"{folder}: {what}")
        found = [
            p
            for p in folder.iterdir()
            if p.suffix.lower() == ".toml" and not p.name.startswith(".") and p.name != SERIES_FILE
        ]
    except OSError as error:
        raise FolderError(f"{folder}: cannot read the folder: {error.strerror or error}") from error
    return sorted((p for p in found if p.is_file()), key=lambda p: p.name)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off inside, back as it was after. A scan makes tens of
    thousands of objects that it keeps and almost no garbage: the collections it would set off on the
    way (about 40% of reading a thousand sessions' index) find nothing to free."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def scan(folder: Path, now: datetime | None = None, *, use_index: bool = True) -> Library:
    """Every session in ``folder``, newest first, and a one-line problem for each file that did not load.

    With ``use_index`` (the default), a file whose identity matches its entry in the folder index is
    taken from there; every other file is read, and the index is brought up to date (``folder_index``).
    """
    with collector_paused():
        known = read_index(folder) if use_index else {}
        lib, kept = _scan(folder, now, known, _OUTLINES)
        if use_index and kept != known:
            write_index(folder, kept)
        return lib


def scan_rows(folder: Path, now: datetime | None = None) -> Library:
    """As ``scan``, keeping only each session's row (``rows.Row``: what the home list shows), from the
    rows file (``rows.ROWS_FILE``) where a file is unchanged; a session's outline is read from its file
    when asked for (``SessionInfo.outline``). The folder's memory is its rows: a few kB a session."""
    with collector_paused():
        known = read_rows(folder)
        lib, kept = _scan(folder, now, known, _ROWS)
        if kept != known:
            write_rows(folder, kept)
        return lib


@dataclass(frozen=True)
class _Kind(Generic[F]):
    """What a scan keeps of a file: from the session read in full, for a file that did not load, and
    the SessionInfo listed from it."""

    fresh: Callable[[Session, os.stat_result, RunState], F]
    broken: Callable[[Identity, str], F]
    listed: Callable[[Path, F, os.stat_result], SessionInfo]


_OUTLINES = _Kind[Facts](
    fresh=facts_of,
    broken=lambda ident, problem: Facts(identity=ident, problem=problem),
    listed=SessionInfo.from_facts,
)
_ROWS = _Kind[RowFacts](
    fresh=lambda session, info, state: row_facts(identity(info), row_of(outline_of(session, state))),
    broken=lambda ident, problem: row_facts(ident, problem=problem),
    listed=SessionInfo.from_row,
)


def _scan(
    folder: Path, now: datetime | None, known: dict[str, F], kind: _Kind[F]
) -> tuple[Library, dict[str, F]]:
    moment = now if now is not None else datetime.now(UTC)
    files = session_files(folder)
    kept: dict[str, F] = {}
    wall = wall_ns()
    sessions: list[SessionInfo] = []
    problems: list[FileProblem] = []
    for path in files:
        if is_conflict_copy(path):
            original = path.name.split(CONFLICT_MARK, 1)[0] + ".toml"
            problems.append(
                FileProblem(
                    path,
                    f"{path}: a conflict copy of {original}, not listed; compare the two, keep what you need "
                    "in the session file, then delete this copy",
                )
            )
            continue
        try:
            info = _stat(path)  # before reading: an edit while it is read changes what is recorded
            facts = known.get(path.name)
            if facts is not None and facts.identity == identity(info) and settled(info, wall):
                kept[path.name] = facts
                if facts.problem is not None:
                    problems.append(FileProblem(path, f"{path}: {facts.problem}"))
                else:
                    sessions.append(kind.listed(path, facts, info))
                continue
            try:
                session = load(path)
            except SessionError as error:
                message = _lines_joined(str(error))
                problems.append(FileProblem(path, message))
                if message.startswith(f"{path}: "):
                    kept[path.name] = kind.broken(identity(info), message[len(f"{path}: ") :])
                continue
            facts = kind.fresh(session, info, state_of(session, moment).state)
            kept[path.name] = facts
            sessions.append(kind.listed(path, facts, info))
        except SessionError as error:
            problems.append(FileProblem(path, _lines_joined(str(error))))
        except (OSError, UnicodeDecodeError, RecursionError) as error:  # never hide a file, whatever it is
            problems.append(FileProblem(path, f"{path}: cannot read the file: {_lines_joined(str(error))}"))
    sessions.sort(key=lambda info: (info.sort_date, info.mtime, info.path.name), reverse=True)
    return Library(folder=folder, sessions=sessions, problems=problems), kept


# -- search -----------------------------------------------------------------------------------------


def parse_query(query: str) -> list[tuple[str, str]]:
    """The words of a query as (field, casefolded word); field is "all" when not limited."""
    try:
        words = shlex.split(query)
    except ValueError:  # an unbalanced quote: take the words as typed
        words = query.split()
    terms: list[tuple[str, str]] = []
    for word in words:
        name, sep, rest = word.partition(":")
        key = _FIELD_ALIASES.get(name.casefold()) if sep else None
        if key is not None and rest.strip():
            terms.append((key, rest.strip().casefold()))
        elif key is None and word.strip():
            terms.append(("all", word.casefold()))
    return terms


def matches(info: SessionInfo, query: str) -> bool:
    """True when every word of ``query`` is found (case-insensitive). An empty query matches all."""
    haystack = info._search
    return all(term in haystack[name] for name, term in parse_query(query))


def search(library: Library, query: str) -> list[SessionInfo]:
    terms = parse_query(query)
    return [info for info in library.sessions if all(t in info._search[n] for n, t in terms)]
