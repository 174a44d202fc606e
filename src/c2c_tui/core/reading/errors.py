"""Errors of the session store. ``str()`` of each is ONE line a user can act on: ``<path>: <place>: <problem>``."""

from __future__ import annotations


class SessionError(Exception):
    """A session file could not be read, validated, locked or written."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(" ".join(message.splitlines()))
        self.problems = problems or (str(self),)  # every problem, one line each (`c2c check` lists them)


class SessionLocked(SessionError):
    """Another c2c has the session file open for writing."""


class SummaryNotWritten(SessionError):
    """The session file was saved, but its markdown summary beside it was not (the message says both)."""
