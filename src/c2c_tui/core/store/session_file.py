"""Reading and writing session files.

- ``loads``/``load``: every failure is a SessionError whose ``str`` is one line naming the file and the place
  (line and column, or field path such as ``entries[3].kind``). Never a traceback.
- ``dumps``: TOML with one ``[[section]]`` per item, dates and times as native TOML values. With a
  ``TomlMemo`` (each SessionFile has one), unchanged items are not formatted again: the same text, faster.
- ``save``: atomic (temp file, fsync, rename), and the markdown summary ``NAME.md`` beside it.
- ``SessionFile``: an open session: locked against a second writer, and never written over a file that
  changed on disk since it was read (ours then goes to a ``.conflict-...`` file, so nothing is lost).
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from ..model import SCHEMA_VERSION, Session
from ..reading.errors import SessionError, SessionLocked
from ..reading.parse import MAX_BYTES, PathLike, load, loads, parse_bytes, read_bytes
from .atomic import write_bytes_atomic, write_text_atomic
from .lock import SessionLock
from .toml_memo import TomlMemo

__all__ = [  # what the store's front (store/__init__.py) hands on
    "HEADER",
    "MAX_BYTES",
    "SessionError",
    "SessionFile",
    "SessionLocked",
    "dumps",
    "load",
    "loads",
    "save",
    "summary_path",
    "title_from_path",
    "write_bytes_atomic",
    "write_text_atomic",
]

HEADER = f"c2c session (schema {SCHEMA_VERSION}). Edit with care; `c2c check FILE` validates it."


# -- writing ---------------------------------------------------------------------------------------


def dumps(session: Session, memo: TomlMemo | None = None) -> str:
    """The session as TOML text (what ``save`` writes). ``memo`` remembers the text of each item, so the next
    call formats only what changed (the text is the same either way)."""
    if memo is not None:
        return memo.dumps(session, HEADER)
    from .toml_writer import dumps_tables  # tomli-w: only when writing, not for the first screen

    return dumps_tables(session.model_dump(mode="python", exclude_none=True), HEADER)


def summary_path(path: PathLike) -> Path:
    """Where the markdown summary of a session file goes: ``NAME.md`` beside ``NAME.toml``."""
    return Path(path).with_suffix(".md")


def save(path: PathLike, session: Session, *, now: datetime | None = None) -> None:
    """Write the session atomically, then its markdown summary beside it. SessionError on failure."""
    write_bytes_atomic(path, _encode(session, path))
    _write_summary(path, session, now)


def _encode(session: Session, path: PathLike, memo: TomlMemo | None = None) -> bytes:
    try:
        return dumps(session, memo).encode("utf-8")
    except (TypeError, ValueError) as error:
        raise SessionError(f"{path}: cannot write this session as TOML: {error}") from None


def _write_summary(path: PathLike, session: Session, now: datetime | None) -> None:
    from .. import summary  # lazily: most readers of a session never render it

    try:
        text = summary.render_markdown(session, now)
    except Exception as error:  # noqa: BLE001 - a summary bug must not cost the session its save
        raise SessionError(
            f"{summary_path(path)}: summary not written ({type(error).__name__}: {error}); the session was saved"
        ) from None
    write_text_atomic(summary_path(path), text)


# -- an open session -------------------------------------------------------------------------------


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


class SessionFile:
    """A session opened for work. Use ``SessionFile.open(path)``; ``close()`` (or ``with``) releases it."""

    def __init__(self, path: Path, session: Session, digest: str | None, lock: SessionLock | None) -> None:
        self.path = path
        self.session = session
        self.conflict_path: Path | None = None
        self._digest = digest
        self._lock = lock
        self._memo = TomlMemo()  # the text of each item as last saved: a save formats only what changed

    @classmethod
    def open(cls, path: PathLike, *, lock: bool = True, create: bool = False) -> SessionFile:
        """Load ``path`` (SessionError if it is broken) and, unless ``lock=False`` (read-only), lock it.

        ``create=True`` makes a new session (titled after the file name) when the file does not exist yet.
        A file that does not load is never written: no SessionFile exists for it.
        """
        path = Path(path)
        if create and not lock:
            raise ValueError("create=True needs lock=True: a read-only session cannot be created")
        holder = SessionLock(path) if lock else None
        if holder is not None:
            holder.acquire()
        try:
            if create and not os.path.lexists(path):
                session = Session(title=title_from_path(path))
                data = _encode(session, path)
                write_bytes_atomic(path, data)
            else:
                data = read_bytes(path)
                session = parse_bytes(data, path)
        except BaseException:
            if holder is not None:
                holder.release()
            raise
        return cls(path, session, _digest(data), holder)

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @property
    def closed(self) -> bool:
        return self._lock is not None and not self._lock.held

    def changed_on_disk(self) -> bool:
        """True when the file is no longer what c2c read or last wrote."""
        return _digest(self._current_bytes()) not in (self._digest, None)

    def save(self, now: datetime | None = None, *, session: Session | None = None) -> None:
        """Write the session (and its summary). Refuses when read-only, closed, or changed on disk.

        ``session`` writes that snapshot instead of ``self.session`` (the app's autosave thread saves a copy
        taken on the main thread, so it never reads the live session)."""
        if self.read_only:
            raise SessionError(f"{self.path}: opened read-only; not saved")
        if self.closed:
            raise SessionError(f"{self.path}: already closed; not saved")
        written = self.session if session is None else session
        data = _encode(written, self.path, self._memo)
        if self.conflict_path is not None or self.changed_on_disk():
            self._save_conflict(data, now)
        write_bytes_atomic(self.path, data)
        self._digest = _digest(data)
        _write_summary(self.path, written, now)

    def warm(self, session: Session | None = None) -> None:
        """Make the first save as quick as the next ones, writing nothing: format the session (or a snapshot
        of it) into the memo and import what saving needs. Meant for a thread, right after opening."""
        from .. import summary  # noqa: F401 - imported by the first save otherwise

        _encode(self.session if session is None else session, self.path, self._memo)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _current_bytes(self) -> bytes | None:
        try:
            with open(self.path, "rb") as handle:
                return handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return None  # deleted: writing it again loses nothing
        except OSError as error:
            raise SessionError(f"{self.path}: cannot read it back: {error.strerror or error}") from None

    def _save_conflict(self, data: bytes, now: datetime | None) -> None:
        if self.conflict_path is None:
            stamp = (now or datetime.now(UTC)).astimezone().strftime("%Y%m%d-%H%M%S")
            candidate = self.path.with_name(f"{self.path.stem}.conflict-{stamp}.toml")
            n = 1
            while candidate.exists():
                n += 1
                candidate = self.path.with_name(f"{self.path.stem}.conflict-{stamp}-{n}.toml")
            self.conflict_path = candidate
        write_bytes_atomic(self.conflict_path, data)
        raise SessionError(
            f"{self.path}: changed on disk by another program since c2c opened it; "
            f"your version was saved to {self.conflict_path}"
        )


def title_from_path(path: Path) -> str:
    """A title for a new session from its file name: "heat-wave_2026.toml" gives "Heat wave 2026"."""
    words = " ".join(re.split(r"[-_\s]+", path.stem)).strip()
    return (words[:1].upper() + words[1:]) or "Untitled workshop"
