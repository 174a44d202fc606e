"""Code that Python compiles from text at every start, kept between runs (start-up; bench/run.py).

Three things in the standard library compile text while c2c starts, the same text on every run:

- ``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``... as source and ``exec``s it,
  about 0.7 ms a class; a ``c2c run`` makes about 110 dataclasses before its first frame (Textual's,
  pydantic's, annotated_types', c2c's own);
- ``typing.ForwardRef`` compiles each annotation given as a string (about 1,100: pydantic-core's
  TypedDicts, every module with ``from __future__ import annotations`` that pydantic reads);
- ``collections.namedtuple`` ``eval``s each tuple's ``__new__`` (about 60).

Python keeps the compiled code of modules in ``.pyc`` files; this does the same for that text.
``install()`` gives those three modules their own ``exec``, ``compile`` and ``eval`` (module globals
shadowing the builtins, nothing else changed) that look the text up in a table of code compiled before
(``compiled-text-<python>.marshal`` in c2c's cache folder) and compile only what is not there, exactly as
the builtin would (filename ``<string>``, no inherited ``__future__`` flags, the same errors). When
something new was compiled the table is written back, atomically: a few seconds after the start (an app is
up and drawn by then; a process killed later keeps it), when the table is also let go (what is compiled
later is kept apart), and again when the process ends.

The table is only written where Python itself would write bytecode (not with ``PYTHONDONTWRITEBYTECODE``
or ``-B``), it is read only when it is this user's own file that nobody else may write (as ``.pyc`` files
are trusted), and a damaged, foreign or other-version table is ignored and written anew. ``C2C_CACHE_DIR``
names the folder (else ``$XDG_CACHE_HOME/c2c``, else ``~/.cache/c2c``).
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

MAGIC = f"c2c compiled text 2 {sys.implementation.cache_tag} {marshal.version}"
MAX_BYTES = 4 * 2**20  # a table bigger than this is not ours: ignored
MAX_ENTRIES = 4000  # never more than this many texts kept (a new table is started past it)
SAVE_AFTER = 3.0  # seconds after install(): the first write of what a start compiled


def cache_dir() -> Path | None:
    """c2c's cache folder: ``C2C_CACHE_DIR``, else ``$XDG_CACHE_HOME/c2c``, else ``~/.cache/c2c``. Only an
    absolute path counts (a relative one is passed over, as the XDG rules say): None when there is none, and
    then no table is read or written (never a ``~`` folder made in the working folder)."""
    named = os.environ.get("C2C_CACHE_DIR", "")
    if os.path.isabs(named):
        return Path(named)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "c2c"
    home = os.path.expanduser("~")
    return Path(home) / ".cache" / "c2c" if os.path.isabs(home) else None


def table_path(folder: Path | None = None) -> Path | None:
    folder = folder or cache_dir()
    return None if folder is None else folder / f"compiled-text-{sys.implementation.cache_tag}.marshal"


Key = tuple[str, str]  # (compile mode, source text)


class CodeTable:
    """(mode, source text) -> code compiled from it, loaded from and saved to ``path``."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: kept for this process only
        self.codes: dict[Key, CodeType] = {} if path is None else read_table(path)
        self.new = 0
        self.released = False
        self._lock = threading.Lock()

    def compiled(self, source: str, mode: str = "exec") -> CodeType:
        key = (mode, source)
        code = self.codes.get(key)
        if code is None:
            code = compile(source, "<string>", mode, dont_inherit=True)  # raises as the builtin would
            if len(self.codes) < MAX_ENTRIES:
                self.codes[key] = code
                self.new += 1
        return code

    def save(self) -> bool:
        """Write the table if it gained something and bytecode may be written; True when written. After
        a release, what was compiled since is added to the table as it is on disk."""
        with self._lock:  # the timer's save and the exit's never write at once
            if not self.new or sys.dont_write_bytecode or self.path is None:
                return False
            new, self.new = self.new, 0
            codes = {**read_table(self.path), **self.codes} if self.released else dict(self.codes)
            try:
                write_table(self.path, codes)
            except (OSError, ValueError):
                self.new += new
                return False  # only a head start for the next run
            return True

    def settle(self) -> None:
        """Once the start is over: save, then let the table go (about 1 MB of code and text the process
        keeps no other use for); what is compiled later is kept, and added to the file at exit."""
        self.save()
        with self._lock:
            self.codes = {}
            self.released = True


def read_table(path: Path) -> dict[Key, CodeType]:
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
    table: dict[Key, CodeType] = data[1]
    if not all(_is_key(key) and isinstance(code, CodeType) for key, code in table.items()):
        return {}
    return table


def _is_key(key: object) -> bool:
    return isinstance(key, tuple) and len(key) == 2 and key[0] in ("exec", "eval") and isinstance(key[1], str)


def trusted(info: os.stat_result) -> bool:
    """A regular file of this user's that neither the group nor others may write (as for ``.pyc``)."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def write_table(path: Path, codes: dict[Key, CodeType]) -> None:
    import tempfile  # here: only a process that compiled something new writes (at its end)

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = marshal.dumps((MAGIC, codes))
    handle, temporary = tempfile.mkstemp(prefix=".compiled-text-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # mkstemp made it 0600
    except BaseException:
        os.unlink(temporary)
        raise


def install(folder: Path | None = None) -> CodeTable | None:
    """Give ``dataclasses``, ``typing`` and ``collections`` the caching ``exec``, ``compile`` and ``eval``
    (once per process); the table, or None when it was there already."""
    import collections
    import dataclasses
    import typing

    if any(name in vars(module) for module, name in ((dataclasses, "exec"), (typing, "compile"))):
        return None  # installed already (or something else gave the modules their own)
    table = CodeTable(table_path(folder))

    def exec_cached(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            source = table.compiled(source)
        if globals is None:  # as the builtin: the caller's namespaces
            frame = sys._getframe(1)
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        exec(source, globals, locals)  # noqa: S102 - what dataclasses does, with the text compiled once

    def eval_cached(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
        if isinstance(source, str):
            source = table.compiled(source, "eval")
        if globals is None:  # as the builtin: the caller's namespaces
            frame = sys._getframe(1)
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        return eval(source, globals, locals)

    def compile_cached(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if isinstance(source, str) and filename == "<string>" and mode == "eval" and not args and not kwargs:
            return table.compiled(source, "eval")
        return compile(source, filename, mode, *args, **kwargs)  # anything else exactly as asked

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    typing.compile = compile_cached  # type: ignore[attr-defined]  # ForwardRef.__init__'s
    collections.eval = eval_cached  # type: ignore[attr-defined]  # namedtuple's
    atexit.register(table.save)
    timer = threading.Timer(SAVE_AFTER, table.settle)
    timer.daemon = True  # never keeps a process alive
    timer.start()
    return table
