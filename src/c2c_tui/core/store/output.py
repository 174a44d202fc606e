"""Where ``-o OUT`` writes a rendered text (a summary, a proposal, a series overview): only somewhere
that cannot cost the user a file.

- ``-`` is standard output.
- A pipe (FIFO) or a character device (``/dev/null``, a terminal) is written into as a stream, never
  replaced by a regular file.
- A new file, or an existing regular file, is replaced atomically, unless it is a c2c session file (one
  that parses as TOML with a ``schema_version``): that is refused, so ``-o`` never turns a session into
  markdown. A symlink OUT is followed (the user named it), and the same rules apply to its target.
- Anything else (a folder, a block device, a socket) is refused. Every refusal is one SessionError line.
"""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from pathlib import Path

from ..reading.errors import SessionError
from ..reading.parse import MAX_BYTES
from .atomic import write_text_atomic

STDOUT = "-"


def write_output(out: str | os.PathLike[str], text: str) -> str | None:
    """Write ``text`` to ``out``; return where it went ("stdout" -> None, else the path as shown)."""
    if os.fspath(out) == STDOUT:
        sys.stdout.write(text)
        return None
    shown = Path(out)
    target = Path(os.path.realpath(shown)) if os.path.islink(shown) else shown
    try:
        info = os.stat(target)
    except FileNotFoundError:
        write_text_atomic(target, text)  # a new file (refused in core.atomic if it appeared meanwhile)
        return str(shown)
    except OSError as error:
        raise SessionError(f"{shown}: cannot write it: {error.strerror or error}") from None
    mode = info.st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        _stream(shown, target, text)
    elif not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise SessionError(f"{shown}: is {what}; choose a file to write it to")
    elif is_session_file(target, info):
        raise SessionError(
            f"{shown}: is a c2c session file; -o never writes over one (choose another output file)"
        )
    else:
        write_text_atomic(target, text)
    return str(shown)


def is_session_file(path: Path, info: os.stat_result | None = None) -> bool:
    """True when ``path`` reads as a c2c session (TOML with a top-level ``schema_version``), valid or not."""
    try:
        size = (info or os.stat(path)).st_size
        if size > MAX_BYTES:
            return False
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise SessionError(f"{path}: cannot read it: {error.strerror or error}") from None
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False
    return "schema_version" in parsed


def _stream(shown: Path, target: Path, text: str) -> None:
    """Write into a pipe or a character device as it is: no temporary file, no rename, no truncation."""
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)
    except OSError as error:
        raise SessionError(f"{shown}: cannot write into it: {error.strerror or error}") from None
    try:
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        raise SessionError(f"{shown}: cannot write into it: {error.strerror or error}") from None
    finally:
        os.close(fd)
