"""Following a session file that another program writes: cheap polling, read-only, never a lock.

``FileWatcher(path).poll()`` looks at the file's ``stat`` first (mtime, size, inode) and reads and parses it
only when that changed, or every few polls anyway (a file system with a coarse mtime can hide a same-size
change made within one tick). Bytes identical to the last good reading are not parsed again.

A missing, unreadable or invalid file (half-synced from another machine, or in the middle of a copy) is
"waiting": the last good session is kept and a one-line reason says why, until a good file comes back.
Nothing here writes a file or takes the session lock.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_mod
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..model import Session
from .errors import SessionError
from .parse import PathLike, os_problem, parse_bytes, read_bytes

WatchStatus = Literal["ok", "unchanged", "waiting"]
StatKey = tuple[int, int, int, int]  # mtime_ns, size, inode, device

VERIFY_EVERY = 8  # polls between full reads while the stat stays the same


@dataclass(frozen=True)
class WatchResult:
    """What one poll found.

    ``ok``: a new good session was read (``session`` is it). ``unchanged``: nothing new since the last
    poll and the file is good. ``waiting``: the file is missing, unreadable or invalid right now
    (``reason`` is one line without the path); ``session`` is the last good one, or None if there never was.
    """

    status: WatchStatus
    session: Session | None
    reason: str = ""

    @property
    def waiting(self) -> bool:
        return self.status == "waiting"


class FileWatcher:
    """Polls one session file. Call ``poll()`` as often as you like; it is cheap when nothing changed."""

    def __init__(self, path: PathLike, *, verify_every: int = VERIFY_EVERY) -> None:
        self.path = Path(path)
        self.session: Session | None = None  # the last good session
        self.reason = ""  # why we are waiting, or ""
        self.verify_every = max(1, verify_every)
        self._stat: StatKey | None = None  # the stat of the last reading (good or not)
        self._digest: str | None = None  # the bytes of the last good reading
        self._polls_since_read = 0

    @property
    def waiting(self) -> bool:
        return bool(self.reason)

    def poll(self) -> WatchResult:
        try:
            key = self._stat_key()
        except SessionError as error:
            return self._wait(str(error), None)
        self._polls_since_read += 1
        if key == self._stat and self._polls_since_read < self.verify_every:
            return self._same()
        self._polls_since_read = 0
        try:
            data = self._read()
        except SessionError as error:
            return self._wait(str(error), key)
        self._stat = key
        digest = hashlib.sha256(data).hexdigest()
        if digest == self._digest:
            self.reason = ""
            return WatchResult("unchanged", self.session)
        try:
            session = parse_bytes(data, self.path)
        except SessionError as error:
            return self._wait(str(error), key)
        self.session, self._digest, self.reason = session, digest, ""
        return WatchResult("ok", session)

    # -- helpers --------------------------------------------------------------------------------------

    def _same(self) -> WatchResult:
        if self.reason:
            return WatchResult("waiting", self.session, self.reason)
        return WatchResult("unchanged", self.session)

    def _wait(self, message: str, key: StatKey | None) -> WatchResult:
        self._stat = key
        self.reason = _without_path(message, self.path)
        return WatchResult("waiting", self.session, self.reason)

    def _stat_key(self) -> StatKey:
        try:
            info = os.stat(self.path)
        except OSError as error:
            raise os_problem(
                self.path, error, missing="no such file (moved, deleted, or not synced yet)"
            ) from None
        if stat_mod.S_ISDIR(info.st_mode):
            raise SessionError(f"{self.path}: is a folder, not a session file")
        return (info.st_mtime_ns, info.st_size, info.st_ino, info.st_dev)

    def _read(self) -> bytes:
        try:
            return read_bytes(self.path)  # the store's reader: same limits, same one-line messages
        except SessionError:
            if not os.path.lexists(self.path):  # gone between the stat and the read
                raise SessionError(f"{self.path}: no such file (moved, deleted, or not synced yet)") from None
            raise


def _without_path(message: str, path: Path) -> str:
    """A store message minus its leading ``<path>: `` (the display names the path already)."""
    return message.removeprefix(f"{path}: ")
