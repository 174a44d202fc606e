"""Reading a session file: every failure is a SessionError whose ``str`` is one line naming the file and the
place (line and column, or a field path such as ``entries[3].kind``). Never a traceback.

The TOML is parsed with ``tomli`` when it is installed: the same parser as the stdlib ``tomllib`` (its upstream,
PEP 680), compiled, about three times faster on a big session. Whatever tomli refuses is parsed again with
``tomllib``, which decides and words the message: c2c never refuses a file tomllib reads, and its messages are
tomllib's.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..model import SCHEMA_VERSION, Session
from ..problems import describe, describe_all
from .errors import SessionError

if TYPE_CHECKING:
    import tomllib

MAX_BYTES = 50 * 1024 * 1024
PathLike = str | os.PathLike[str]


def load(path: PathLike) -> Session:
    """Read and validate a session file."""
    return parse_bytes(read_bytes(Path(path)), path)


def loads(text: str, path: PathLike = "<text>") -> Session:
    """Validate session TOML text; ``path`` only names it in messages."""
    return _validate(_parse_text(text, path), path)


def _parse_text(text: str, path: PathLike) -> dict[str, Any]:
    if len(text) > MAX_BYTES:
        raise SessionError(f"{path}: too large for a session file (over {MAX_BYTES // 2**20} MB)")
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        raise SessionError(
            f"{path}: empty file, not a c2c session (it needs at least schema_version and title)"
        )
    return _parse_toml(text, path)


@cache
def _tomli_loads() -> Callable[[str], dict[str, Any]] | None:
    """``tomli.loads``, or None when tomli is not installed. Imported on the first parse, not at start."""
    try:
        from tomli import loads
    except ImportError:
        return None
    return loads


def _parse_fast(text: str) -> dict[str, Any] | None:
    """The document as tomli reads it, or None: no tomli, or tomli refused it (or failed in any way)."""
    fast = _tomli_loads()
    if fast is None:
        return None
    try:
        return fast(text)
    except Exception:  # noqa: BLE001 - refused, nested past tomli's 400 levels, a bug: tomllib decides
        return None


def _parse_toml(text: str, path: PathLike) -> dict[str, Any]:
    parsed = _parse_fast(text)
    if parsed is not None:
        return parsed
    import tomllib  # only here: a file tomli reads never needs it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SessionError(f"{path}: invalid TOML: {_toml_message(error)}") from None
    except RecursionError:
        raise SessionError(f"{path}: invalid TOML: nested too deeply") from None
    except ValueError as error:  # e.g. a whole number too long for Python (over 4,300 digits)
        raise SessionError(f"{path}: invalid TOML: {' '.join(str(error).split())}") from None


def read_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SessionError(f"{path}: is a folder, not a session file")
        if not stat.S_ISREG(info.st_mode):
            raise SessionError(f"{path}: not a regular file")
        if info.st_size > MAX_BYTES:
            raise SessionError(
                f"{path}: too large for a session file ({info.st_size / 2**20:.0f} MB; the limit is "
                f"{MAX_BYTES // 2**20} MB)"
            )
        fd = os.open(path, os.O_RDONLY)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise os_problem(path, error) from None
    if len(data) > MAX_BYTES:
        raise SessionError(f"{path}: too large for a session file (the limit is {MAX_BYTES // 2**20} MB)")
    return data


def os_problem(path: PathLike, error: OSError, *, missing: str = "no such file") -> SessionError:
    """The one-line message for an OS error while looking at or reading a session file."""
    if isinstance(error, FileNotFoundError):
        reason = missing
    elif isinstance(error, IsADirectoryError):
        reason = "is a folder, not a session file"
    elif isinstance(error, PermissionError):
        reason = "permission denied (cannot read it)"
    else:
        reason = f"cannot read it: {error.strerror or error}"
    return SessionError(f"{path}: {reason}")


def parse_bytes(data: bytes, path: PathLike) -> Session:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SessionError(f"{path}: UTF-16 text; save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SessionError(f"{path}: a binary file (NUL byte at offset {nul}), not a c2c session")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SessionError(
            f"{path}: line {line}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save it as UTF-8"
        ) from None
    parsed = _parse_text(text, path)
    del text  # gone before the session is built: a lower peak of memory for a big file
    return _validate(parsed, path)


def _toml_message(error: tomllib.TOMLDecodeError) -> str:
    message = " ".join(str(error).split())
    if message.startswith(("Illegal character '\\n'", "Unterminated string")):
        message += "; a string not closed on its line?"
    elif message.startswith("Cannot overwrite a value"):
        message += "; a key or table written twice?"
    return message


def _validate(data: dict[str, Any], path: PathLike) -> Session:
    if not data:
        raise SessionError(f"{path}: only comments and blank lines, not a c2c session")
    if "schema_version" not in data:
        raise SessionError(
            f"{path}: schema_version: missing (a c2c session file starts with schema_version = 1)"
        )
    version = data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionError(f"{path}: schema_version: should be a whole number like 1 (got {version!r})")
    if version > SCHEMA_VERSION:
        raise SessionError(
            f"{path}: schema_version {version} is newer than this c2c reads ({SCHEMA_VERSION}); upgrade c2c"
        )
    try:
        return Session.model_validate(data)
    except ValidationError as error:
        every = tuple(f"{path}: {line}" for line in describe_all(error))
        raise SessionError(f"{path}: {describe(error)}", every) from None
    except OverflowError as error:
        place = _out_of_range(data)
        raise SessionError(f"{path}: {place + ': ' if place else ''}{error} (as UTC)") from None
    except (RecursionError, ValueError, TypeError) as error:
        raise SessionError(f"{path}: cannot read it: {error}") from None


def _out_of_range(value: Any, place: str = "") -> str:
    """The field path of the first date-time that cannot be turned into UTC, or ''."""
    if isinstance(value, dict):
        items: Any = ((f"{place}.{key}" if place else str(key), item) for key, item in value.items())
    elif isinstance(value, list):
        items = ((f"{place}[{index}]", item) for index, item in enumerate(value))
    else:
        if isinstance(value, datetime) and value.tzinfo is not None:
            try:
                value.astimezone(UTC)
            except OverflowError:
                return place
        return ""
    for where, item in items:
        found = _out_of_range(item, where)
        if found:
            return found
    return ""
