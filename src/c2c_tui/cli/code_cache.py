"""The compiled code of the methods ``dataclasses`` writes, kept between runs (start-up; bench/run.py).

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``... as source text and
compiles it with ``exec``: about 0.7 ms a class. A ``c2c run`` makes about 110 dataclasses before its first
frame (Textual's, pydantic's, annotated_types', c2c's own): some 60 ms of compiling the same text as on
the last run. Python keeps the compiled code of modules in ``.pyc`` files; this does the same for that
text: ``install()`` gives the ``dataclasses`` module an ``exec`` that looks the text up in a table of code
compiled before (``dataclass-code-<python>.marshal`` in c2c's cache folder) and compiles only what is not
there, exactly as ``exec`` would (filename ``<string>``, no inherited ``__future__`` flags). When something
new was compiled the table is written back, atomically: a few seconds after the start (an app is up and
drawn by then; a process killed later keeps it) and again when the process ends.

The table is only written where Python itself would write bytecode (not with ``PYTHONDONTWRITEBYTECODE``
or ``-B``), it is read only when it is this user's own file that nobody else may write (as ``.pyc`` files
are trusted), and a damaged, foreign or other-version table is ignored and written anew. ``C2C_CACHE_DIR``
names the folder (else ``$XDG_CACHE_HOME/c2c``, else ``~/.cache/c2c``). Nothing else in Python is changed:
only the name ``exec`` inside the ``dataclasses`` module.
"""

from __future__ import annotations

import atexit
import marshal
import os
import stat
import sys
import threading
from pathlib import Path
from types import CodeType
from typing import Any

MAGIC = f"c2c dataclass code 1 {sys.implementation.cache_tag} {marshal.version}"
MAX_BYTES = 4 * 2**20  # a table bigger than this is not ours: ignored
MAX_ENTRIES = 4000  # never more than this many texts kept (a new table is started past it)
SAVE_AFTER = 3.0  # seconds after install(): the first write of what a start compiled


def cache_dir() -> Path:
    named = os.environ.get("C2C_CACHE_DIR")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "c2c"


def table_path(folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"dataclass-code-{sys.implementation.cache_tag}.marshal"


class CodeTable:
    """Source text -> code compiled from it, loaded from and saved to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, CodeType] = read_table(path)
        self.new = 0
        self._lock = threading.Lock()

    def compiled(self, source: str) -> CodeType:
        code = self.codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(self.codes) < MAX_ENTRIES:
                self.codes[source] = code
                self.new += 1
        return code

    def save(self) -> bool:
        """Write the table if it gained something and bytecode may be written; True when written."""
        with self._lock:  # the timer's save and the exit's never write at once
            if not self.new or sys.dont_write_bytecode:
                return False
            new, self.new = self.new, 0
            try:
                write_table(self.path, dict(self.codes))
            except (OSError, ValueError):
                self.new += new
                return False  # only a head start for the next run
            return True


def read_table(path: Path) -> dict[str, CodeType]:
    """The table at ``path``, or an empty one when it is missing, damaged, too big or not safe to trust."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not trusted(info) or info.st_size > MAX_BYTES:
                return {}
            data = marshal.loads(handle.read(MAX_BYTES + 1))
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == MAGIC and isinstance(data[1], dict)):
        return {}
    table: dict[str, CodeType] = data[1]
    if not all(isinstance(k, str) and isinstance(v, CodeType) for k, v in table.items()):
        return {}
    return table


def trusted(info: os.stat_result) -> bool:
    """A regular file of this user's that neither the group nor others may write (as for ``.pyc``)."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def write_table(path: Path, codes: dict[str, CodeType]) -> None:
    import tempfile  # here: only a process that compiled something new writes (at its end)

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = marshal.dumps((MAGIC, codes))
    handle, temporary = tempfile.mkstemp(prefix=".dataclass-code-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # mkstemp made it 0600
    except BaseException:
        os.unlink(temporary)
        raise


def install(folder: Path | None = None) -> CodeTable | None:
    """Give ``dataclasses`` the caching ``exec`` (once per process); the table, or None when it was there."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is not None:
        return None  # installed already (or something else gave the module its own exec)
    table = CodeTable(table_path(folder))

    def exec_cached(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            source = table.compiled(source)
        exec(source, globals, locals)  # noqa: S102 - what dataclasses does, with the text compiled once

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    atexit.register(table.save)
    timer = threading.Timer(SAVE_AFTER, table.save)
    timer.daemon = True  # never keeps a process alive
    timer.start()
    return table
