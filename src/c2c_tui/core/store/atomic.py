"""Atomic file replacement: a crash, a full disk or a read-only folder never leaves a half-written file.

The one rule for every file c2c writes: it replaces ``path`` only when ``path`` is absent or a regular file
(checked with ``lstat``: a symlink is never written through, a folder, device or pipe is never replaced).
The one symlink c2c follows is the session file the user named (``session_target``): then the real
file, in its own folder, is what is written, and its lock, temporary file and summary go beside it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..reading.errors import SessionError


def session_target(path: str | os.PathLike[str]) -> Path:
    """The file a session path names: the path itself, or the real target of a symlink the user named
    (followed deliberately). Everything c2c writes for that session lives in that file's folder."""
    path = Path(path)
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def refusal(path: Path, info: os.stat_result) -> str | None:
    """Why c2c will not replace this existing entry (one line), or None for a regular file."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return f"{path}: is a symbolic link; c2c never writes through one it did not expect (remove it)"
    what = "a folder" if stat.S_ISDIR(mode) else "a pipe or device" if not stat.S_ISSOCK(mode) else "a socket"
    return f"{path}: is {what}, not a regular file; c2c does not replace it"


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``data`` in one step, or raise SessionError and leave it as it was.

    ``path`` must be absent or a regular file (a symlink is refused: resolve a session path first with
    ``session_target``). The data goes to a temporary file in the same folder (created exclusively, flushed
    and fsync'ed), which takes the old file's permission bits (a new file gets 0o666 minus the umask), and is
    renamed over the target; then the folder is fsync'ed so the rename survives a power cut.
    ``before_replace`` runs after the fsync, right before the rename: if it raises, nothing is replaced
    (the temporary file is removed) and its exception goes to the caller.
    """
    target = Path(path)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise SessionError(f"{target}: cannot save: {_reason(error)}") from None
    else:
        problem = refusal(target, info)
        if problem is not None:
            raise SessionError(f"{problem}; not saved")
        mode = stat.S_IMODE(info.st_mode)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise SessionError(f"{target}: cannot save in {target.parent}: {_reason(error)}") from None
    replaced = False
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)  # rename never follows a symlink: at worst it replaces the entry itself
        replaced = True
    except OSError as error:
        raise SessionError(
            f"{target}: cannot save: {_reason(error)}; the file on disk is unchanged"
        ) from None
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
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
