"""One writer per session file: an advisory ``flock`` on a sidecar ``.NAME.toml.lock`` in the same folder.

``flock`` belongs to the open file, so the lock dies with the process (``kill -9`` leaves no stale lock) and two
opens in one process exclude each other too. The sidecar holds the holder's pid and host, for the message.
Where ``fcntl`` does not exist (Windows) or the file system cannot lock, there is no lock.
The sidecar is opened without following a symlink (``O_NOFOLLOW``) and used only when it is a regular file
with one link: a planted symlink, hard link, pipe or device is refused with one line, never written.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path
from typing import Self

from ..reading.errors import SessionError, SessionLocked

_OPEN_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
)

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}


def lock_path_for(path: Path) -> Path:
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


class SessionLock:
    """``acquire()`` or raise SessionLocked; ``release()`` removes the sidecar. Also a context manager."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.lock_path = lock_path_for(self.path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None or fcntl is None:
            return
        for _attempt in range(5):
            try:
                fd = os.open(self.lock_path, _OPEN_FLAGS, 0o644)
            except OSError as error:
                if os.path.islink(self.lock_path):
                    raise SessionError(self._strange("is a symbolic link")) from None
                reason = error.strerror or str(error)
                raise SessionError(
                    f"{self.path}: cannot create the lock file {self.lock_path.name}: {reason}"
                ) from None
            strange = self._strange_file(fd)
            if strange is not None:
                os.close(fd)
                raise SessionError(self._strange(strange))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise SessionLocked(self._locked_message()) from None
            except OSError as error:
                os.close(fd)
                if error.errno in _UNSUPPORTED:
                    return  # this file system cannot lock: go on without a lock
                raise SessionError(f"{self.path}: cannot lock it: {error.strerror or error}") from None
            if self._same_file(fd):
                self._fd = fd
                self._write_owner(fd)
                return
            os.close(fd)  # the holder removed the sidecar while we opened it: try the new one
        raise SessionLocked(self._locked_message())

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.unlink(self.lock_path)  # while still holding it, so nobody locks a file that is going away
        except OSError:
            pass
        os.close(fd)

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    @staticmethod
    def _strange_file(fd: int) -> str | None:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "is not a regular file"
        if info.st_nlink != 1:
            return "has another name (a hard link)"
        return None

    def _strange(self, what: str) -> str:
        return (
            f"{self.lock_path}: the lock file of {self.path.name} {what}; c2c does not write to it "
            "(remove it, then open the session again)"
        )

    def _same_file(self, fd: int) -> bool:
        try:
            on_disk = os.lstat(self.lock_path)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)

    @staticmethod
    def _write_owner(fd: int) -> None:
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode())
        except OSError:
            pass  # the pid is only for the message

    def _locked_message(self) -> str:
        pid, host = "unknown", "this host"
        try:
            lines = self.lock_path.read_text(encoding="utf-8", errors="replace").split()
        except OSError:
            lines = []
        if lines and lines[0].isdigit():
            pid = lines[0]
        if len(lines) > 1:
            host = lines[1]
        return (
            f"{self.path}: already open in another c2c (pid {pid} on {host}): "
            "close it there, or use `c2c follow` to watch"
        )
