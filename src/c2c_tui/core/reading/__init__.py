"""The read side: parse a session file (``parse``), watch one for changes (``watch``) and the errors both
raise (``errors``). ``c2c follow`` imports this and nothing of ``store``.
"""

from .parse import MAX_BYTES, PathLike, load, loads, os_problem, parse_bytes, read_bytes

__all__ = ["MAX_BYTES", "PathLike", "load", "loads", "os_problem", "parse_bytes", "read_bytes"]
