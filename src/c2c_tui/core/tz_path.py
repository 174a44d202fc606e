"""``zoneinfo`` imported without loading Python's whole build-configuration table (start-up memory).

When ``zoneinfo`` is first imported it sets its search path from ``PYTHONTZPATH`` or else from the build's
``TZPATH`` (``sysconfig.get_config_var``), and that loads the interpreter's ``_sysconfigdata_*`` module: a
dict of every build variable, about 1 MB that nothing else in c2c reads (pydantic and ``core.zone`` both
import ``zoneinfo``; a bare Textual app never loads it). ``import_zoneinfo()`` (called once, from
``c2c_tui.core``, before anything imports ``zoneinfo``) reads that one variable from the text of the same
module, and imports ``zoneinfo`` with it in ``PYTHONTZPATH`` (removed again at once), so ``zoneinfo.TZPATH``
is what it would have been. Whenever that cannot be done exactly (``PYTHONTZPATH`` already set, not a POSIX
build, the module not found or not in the expected form, ``zoneinfo`` already imported), it does nothing
and ``zoneinfo`` is imported as usual.
"""

from __future__ import annotations

import os
import re
import sys

# the line of _sysconfigdata that holds the build's search path, e.g. 'TZPATH': '/usr/share/zoneinfo:...',
TZPATH_LINE = re.compile(r"""^\s*'TZPATH':\s*'([^'\\\n]*)',?\s*$""", re.MULTILINE)


def built_tzpath() -> str | None:
    """The build's ``TZPATH``, read from the text of its ``_sysconfigdata`` module (None if not exactly)."""
    if os.name != "posix":
        return None
    import sysconfig
    from importlib.util import find_spec

    name_of = getattr(sysconfig, "_get_sysconfigdata_name", None)
    if name_of is None:
        return None
    try:
        spec = find_spec(name_of())
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            return None
        with open(spec.origin, encoding="utf-8") as handle:
            found = TZPATH_LINE.findall(handle.read())
    except (OSError, ImportError, ValueError, UnicodeDecodeError):
        return None
    return found[0] if len(found) == 1 else None


def import_zoneinfo() -> bool:
    """Import ``zoneinfo`` with its search path given (as above); True when it was done that way."""
    if "zoneinfo" in sys.modules or "PYTHONTZPATH" in os.environ:
        return False
    path = built_tzpath()
    if path is None:
        return False
    os.environ["PYTHONTZPATH"] = path
    try:
        import zoneinfo  # noqa: F401 - its search path is set from PYTHONTZPATH here, once
    finally:
        del os.environ["PYTHONTZPATH"]
    return True
