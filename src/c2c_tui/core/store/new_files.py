"""A new session's own file: a fresh name from its title in a folder, reserved before it is written, so
that no file is ever overwritten.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..model import Session
from ..reading.errors import SessionError
from ..setup import slug
from .session_file import save


def file_for_title(folder: Path, title: str) -> Path:
    """A file name in ``folder`` derived from the title that no file uses yet ("keeping-cool-2.toml")."""
    base = slug(title) or "workshop"
    path = folder / f"{base}.toml"
    n = 1
    while os.path.lexists(path) or os.path.lexists(path.with_suffix(".md")):
        n += 1
        path = folder / f"{base}-{n}.toml"
    return path


def save_new(folder: Path, session: Session, now: datetime | None = None) -> Path:
    """Save a new session in ``folder`` under a fresh name from its title; never overwrites a file.

    The name is reserved first (created exclusively), so a file that appears meanwhile is never replaced.
    Raises SessionError (one line) when the folder cannot be made or written.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SessionError(f"{folder}: cannot create the folder: {error.strerror or error}") from None
    for _attempt in range(100):
        path = file_for_title(folder, session.title)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise SessionError(f"{path}: cannot create the file: {error.strerror or error}") from None
        os.close(fd)
        try:
            save(path, session, now=now)
        except SessionError:
            if path.exists() and path.stat().st_size == 0:
                path.unlink()
            raise
        return path
    raise SessionError(f"{folder}: cannot find a free file name for {session.title!r}")
