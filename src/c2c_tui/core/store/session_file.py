"""Reading and writing session files.

- ``loads``/``load``: every failure is a SessionError whose ``str`` is one line naming the file and the place
  (line and column, or field path such as ``entries[3].kind``). Never a traceback.
- ``dumps``: TOML with one ``[[section]]`` per item, dates and times as native TOML values. With a
  ``TomlMemo`` (each SessionFile has one), unchanged items are not formatted again: the same text, faster.
- ``save``: atomic (temp file, fsync, rename), and the markdown summary ``NAME.md`` beside it. A session
  path that is a symlink is followed (the user named it): the real file is written, its summary beside it.
  Nothing else is written through a symlink, or over a folder, pipe or device (``core.atomic``).
- ``SessionFile``: an open session: locked against a second writer, and never written over a file that
  changed on disk since it was read (ours then goes to a ``.conflict-...`` file, so nothing is lost). The
  file is compared again right before the rename, so an edit made while a save is written is kept too.
  A file without write permission (no write bit, even for root) opens read-only: nothing is saved.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from ..model import SCHEMA_VERSION, Session
from ..reading.errors import SessionError, SessionLocked, SummaryNotWritten
from ..reading.parse import MAX_BYTES, PathLike, load, loads, parse_bytes, read_bytes
from .atomic import session_target, write_bytes_atomic, write_text_atomic
from .lock import SessionLock
from .toml_memo import TomlMemo

__all__ = [  # what the store's front (store/__init__.py) hands on
    "HEADER",
    "MAX_BYTES",
    "SessionError",
    "SessionFile",
    "SessionLocked",
    "SummaryNotWritten",
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
    """Write the session atomically, then its markdown summary beside it. SessionError on failure
    (SummaryNotWritten when only the summary failed: the session itself was saved)."""
    target = session_target(path)
    write_bytes_atomic(target, _encode(session, path))
    _write_summary(target, session, now)


def _encode(session: Session, path: PathLike, memo: TomlMemo | None = None) -> bytes:
    try:
        return dumps(session, memo).encode("utf-8")
    except (TypeError, ValueError) as error:
        raise SessionError(f"{path}: cannot write this session as TOML: {error}") from None


def _write_summary(path: PathLike, session: Session, now: datetime | None) -> None:
    from .. import summary  # lazily: most readers of a session never render it
    from .next_workshop import next_workshop

    try:
        text = summary.render_markdown(session, now, next_workshop(Path(path), session))
    except Exception as error:  # noqa: BLE001 - a summary bug must not cost the session its save
        raise SessionError(
            f"{summary_path(path)}: summary not written ({type(error).__name__}: {error}); {path} was saved"
        ) from None
    try:
        write_text_atomic(summary_path(path), text)
    except SessionError as error:
        raise SummaryNotWritten(
            f"{_without_not_saved(str(error))}: summary not written; {path} was saved"
        ) from None


def _without_not_saved(message: str) -> str:
    for tail in ("; not saved", "; the file on disk is unchanged"):
        message = message.removesuffix(tail)
    return message


# -- an open session -------------------------------------------------------------------------------


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


class SessionFile:
    """A session opened for work. Use ``SessionFile.open(path)``; ``close()`` (or ``with``) releases it."""

    def __init__(
        self,
        path: Path,
        session: Session,
        digest: str | None,
        lock: SessionLock | None,
        *,
        read_only_reason: str | None = None,
    ) -> None:
        self.path = path  # as the user named it (for messages)
        self.target = session_target(path)  # the file written: the real one when path is a symlink
        self.read_only_reason = read_only_reason or ("opened read-only" if lock is None else None)
        self.session = session
        self.conflict_path: Path | None = None
        self._digest = digest
        self._lock = lock
        self._memo = TomlMemo()  # the text of each item as last saved: a save formats only what changed

    @classmethod
    def open(cls, path: PathLike, *, lock: bool = True, create: bool = False) -> SessionFile:
        """Load ``path`` (SessionError if it is broken) and, unless ``lock=False`` (read-only), lock it.

        ``create=True`` makes a new session (titled after the file name) when the file does not exist yet.
        A file that does not load is never written: no SessionFile exists for it. A file without write
        permission opens read-only (``read_only_reason`` says why): nothing is saved over it.
        """
        path = Path(path)
        if create and not lock:
            raise ValueError("create=True needs lock=True: a read-only session cannot be created")
        no_write = _no_write_permission(path)
        holder = SessionLock(path) if lock and no_write is None else None
        if holder is not None:
            holder.acquire()
        try:
            if create and not os.path.lexists(path):
                session = Session(title=title_from_path(path))
                data = _encode(session, path)
                write_bytes_atomic(session_target(path), data)
            else:
                data = read_bytes(path)
                session = parse_bytes(data, path)
        except BaseException:
            if holder is not None:
                holder.release()
            raise
        return cls(path, session, _digest(data), holder, read_only_reason=lock and no_write or None)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

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
            raise SessionError(f"{self.path}: {self.read_only_reason}; not saved")
        if self.closed:
            raise SessionError(f"{self.path}: already closed; not saved")
        written = self.session if session is None else session
        data = _encode(written, self.path, self._memo)
        if self.conflict_path is not None or self.changed_on_disk():
            self._save_conflict(data, now)
        try:  # checked again after the fsync, right before the rename: an edit made meanwhile is kept
            write_bytes_atomic(self.target, data, before_replace=self._check_unchanged)
        except _Changed:
            self._save_conflict(data, now)
        self._digest = _digest(data)
        _write_summary(self.target, written, now)

    def _check_unchanged(self) -> None:
        if self.changed_on_disk():
            raise _Changed

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
            with open(self.target, "rb") as handle:
                return handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return None  # deleted: writing it again loses nothing
        except OSError as error:
            raise SessionError(f"{self.path}: cannot read it back: {error.strerror or error}") from None

    def _save_conflict(self, data: bytes, now: datetime | None) -> None:
        if self.conflict_path is None:
            stamp = (now or datetime.now(UTC)).astimezone().strftime("%Y%m%d-%H%M%S")
            candidate = self.target.with_name(f"{self.target.stem}.conflict-{stamp}.toml")
            n = 1
            while os.path.lexists(candidate):
                n += 1
                candidate = self.target.with_name(f"{self.target.stem}.conflict-{stamp}-{n}.toml")
            self.conflict_path = candidate
        write_bytes_atomic(self.conflict_path, data)
        raise SessionError(
            f"{self.path}: changed on disk by another program since c2c opened it; "
            f"your version was saved to {self.conflict_path}"
        )


class _Changed(Exception):
    """The file changed on disk while a save was being written (raised before the rename)."""


def _no_write_permission(path: Path) -> str | None:
    """Why a session file must not be written (it has no write permission), or None. The mode bits count even
    for root, who may write anything: a file made read-only (chmod 444) is meant to stay as it is."""
    try:
        info = os.stat(path)
    except OSError:
        return None  # missing or unreadable: opening says so
    if not stat.S_ISREG(info.st_mode):
        return None
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        return f"read-only (no write permission, mode {stat.S_IMODE(info.st_mode):03o})"
    return None


def title_from_path(path: Path) -> str:
    """A title for a new session from its file name: "heat-wave_2026.toml" gives "Heat wave 2026"."""
    words = " ".join(re.split(r"[-_\s]+", path.stem)).strip()
    return (words[:1].upper() + words[1:]) or "Untitled workshop"
