"""Atomic file replacement: a crash, a full disk or a read-only folder never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ..reading.errors import SessionError


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, or raise SessionError and leave it as it was.

    The data goes to a temporary file in the same folder (flushed and fsync'ed), which takes the old file's
    permission bits (a new file gets 0o666 minus the umask), and is renamed over the target; then the folder
    is fsync'ed so the rename survives a power cut. A symlink is followed: its target is replaced.
    """
    shown = Path(path)
    target = Path(os.path.realpath(shown))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise SessionError(f"{shown}: cannot save: {_reason(error)}") from None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise SessionError(f"{shown}: cannot save in {target.parent}: {_reason(error)}") from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SessionError(f"{shown}: cannot save: {_reason(error)}; the file on disk is unchanged") from None
    _fsync_folder(target.parent)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """``text`` as UTF-8 (``\\n`` line ends), written atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible here (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def _umask() -> int:
    """The process umask, read without changing it where possible (os.umask is process-wide)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current
