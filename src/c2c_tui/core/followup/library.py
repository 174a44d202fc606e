"""A folder of saved sessions: what is there, what failed to load, and a search over all of it.

``scan(folder, now)`` reads every ``*.toml`` directly in the folder (not its sub-folders):

* dot-files are skipped silently (editor back-ups, the store's temporary and lock files);
* a file that does not load is listed in ``problems`` with its one-line message - it never hides
  the others;
* a conflict copy (``NAME.conflict-*.toml``, kept when a save could not safely overwrite the file) is
  not read as a session - its actions would be counted twice - but listed in ``problems``, so it is
  seen and reconciled by hand.

Sessions come newest first: by workshop date (a session without one falls back to the day it was
created, then to the day the file was last written), then by the file's modification time.

``matches(info, query)`` is a case-insensitive search. Every word of the query must be found; a word
may be limited to one field with ``title:``, ``team:`` or ``who:`` (participant names, owners and
speakers); other words search everything written in the session. Quotes keep words together:
``team:"city council"``.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from functools import cached_property
from pathlib import Path

from ..clock.log import RunState, state_of
from ..model import Session
from ..store.session_file import SessionError, load
from ..zone import session_zone
from .series_file import SERIES_FILE

CONFLICT_MARK = ".conflict-"
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
    """One saved session as the library shows it."""

    path: Path
    session: Session = field(repr=False)
    mtime: float  # the file's modification time (seconds since the epoch)
    state: RunState  # the clock's run state at the time of the scan

    @property
    def title(self) -> str:
        return self.session.title

    @property
    def date(self) -> Date | None:
        """The workshop date as written in the file (None when not set)."""
        return self.session.workshop.date

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(team.name for team in self.session.teams)

    @property
    def open_actions(self) -> int:
        return sum(1 for action in self.session.actions if action.status == "open")

    def overdue_actions(self, today: Date) -> int:
        return sum(1 for action in self.session.actions if action.is_overdue(today))

    @property
    def sort_date(self) -> Date:
        """The date the list is sorted by: the workshop date, else the day created, else the file's day."""
        if self.date is not None:
            return self.date
        if self.session.created is not None:
            return self.session.created.astimezone(session_zone(self.session) or UTC).date()
        return datetime.fromtimestamp(self.mtime, UTC).date()

    @cached_property
    def _search(self) -> dict[str, str]:
        """Lower-cased text per search field, built once. Values are joined by newlines, so a word
        (which never holds whitespace) cannot match across two values."""
        s = self.session
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
        out = {name: "\n".join(values).casefold() for name, values in fields.items()}
        out["all"] = "\n".join([*out.values(), "\n".join(text).casefold(), self.path.name.casefold()])
        return out


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
    try:
        mtime = path.stat().st_mtime
    except OSError as error:
        raise SessionError(f"{path}: cannot read the file: {error.strerror or error}") from error
    session = load(path)
    return SessionInfo(path=path, session=session, mtime=mtime, state=state_of(session, now).state)


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


def scan(folder: Path, now: datetime | None = None) -> Library:
    """Every session in ``folder``, newest first, and a one-line problem for each file that did not load."""
    moment = now if now is not None else datetime.now(UTC)
    sessions: list[SessionInfo] = []
    problems: list[FileProblem] = []
    for path in session_files(folder):
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
            sessions.append(read_info(path, moment))
        except SessionError as error:
            problems.append(FileProblem(path, _lines_joined(str(error))))
        except (OSError, UnicodeDecodeError, RecursionError) as error:  # never hide a file, whatever it is
            problems.append(FileProblem(path, f"{path}: cannot read the file: {_lines_joined(str(error))}"))
    sessions.sort(key=lambda info: (info.sort_date, info.mtime, info.path.name), reverse=True)
    return Library(folder=folder, sessions=sessions, problems=problems)


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
