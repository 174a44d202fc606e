"""The workshop that follows a session, found beside its file for the summary's digest.

A later session follows this one when its ``[workshop] after`` names this file (relative to its own folder) and
its ``after_created``, if set, is this one's ``created``; or, when the file it names is not this one (this file
was renamed since), when its ``after_created`` is this one's ``created`` (as ``followup.followon.earlier_of``
finds the earlier workshop). Only the session's own folder is looked in, and only ``*.toml`` files that are
not dot-files, the series file or conflict copies.

The summary is written on every save, so the look is cheap: each file of the folder is stat'ed, and read
only when it is new or changed since the last look (a memo by path, size, mtime and inode); its text is
parsed only when it could follow anything (it has an ``after`` key). A file that does not load is skipped: it is never this
summary's problem. When several follow, the one with the earliest date is the next (undated ones last).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..model import Session
from ..reading.errors import SessionError
from ..reading.parse import parse_bytes, read_bytes
from ..summary.digest import NextWorkshop

SERIES_FILE = "series.toml"  # followup.series_file.SERIES_FILE (followup sits above the store)
CONFLICT_MARK = ".conflict-"  # followup.library.CONFLICT_MARK
MEMO_FILES = 4096  # past this many remembered files the memo starts again
# an ``after`` or ``after_created`` key (bare, quoted or dotted): only a file that has one is parsed
_AFTER_KEY = re.compile(rb"""\bafter(?:_created)?["']?[ \t]*=""")


@dataclass(frozen=True)
class _Seen:
    """What one file says about what it follows (None fields when it follows nothing or did not load)."""

    signature: tuple[int, int, int]
    after: str | None
    after_created: datetime | None
    title: str
    date: date | None


_memo: dict[str, _Seen] = {}


def _signature(info: os.stat_result) -> tuple[int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ino


def _look(key: str, signature: tuple[int, int, int]) -> _Seen:
    seen = _memo.get(key)
    if seen is not None and seen.signature == signature:
        return seen
    nothing = _Seen(signature, None, None, "", None)
    path = Path(key)
    try:
        data = read_bytes(path)
        seen = nothing if _AFTER_KEY.search(data) is None else _of(signature, parse_bytes(data, path))
    except (SessionError, OSError, UnicodeDecodeError, RecursionError):
        seen = nothing
    if len(_memo) >= MEMO_FILES:
        _memo.clear()
    _memo[key] = seen
    return seen


def _of(signature: tuple[int, int, int], session: Session) -> _Seen:
    w = session.workshop
    return _Seen(signature, w.after, w.after_created, session.title, w.date)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _follows(folder: Path, seen: _Seen, path: Path, created: datetime | None) -> bool:
    if seen.after is None:
        return False
    if _same(folder / seen.after, path):
        return seen.after_created is None or seen.after_created == created
    return created is not None and seen.after_created == created


def next_workshop(path: Path, session: Session) -> NextWorkshop | None:
    """The workshop in ``path``'s folder that follows ``session`` (at ``path``), or None."""
    folder = path.parent
    found: list[tuple[date, str, _Seen]] = []
    try:
        own = os.stat(path)
        entries = list(os.scandir(folder))
    except OSError:
        return None
    for entry in entries:
        name = entry.name
        if not name.lower().endswith(".toml") or name.startswith(".") or name == SERIES_FILE:
            continue
        if CONFLICT_MARK in name:
            continue
        try:
            if not entry.is_file():
                continue
            info = entry.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (own.st_dev, own.st_ino):
            continue  # the session itself
        seen = _look(entry.path, _signature(info))  # a str key: no Path made for an unchanged file
        if _follows(folder, seen, path, session.created):
            found.append((seen.date or date.max, name, seen))
    if not found:
        return None
    _, name, seen = min(found, key=lambda f: (f[0], f[1]))
    return NextWorkshop(title=seen.title, date=seen.date, file=name)
