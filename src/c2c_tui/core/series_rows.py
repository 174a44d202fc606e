"""The rows a follow-on workshop adds to its session file: ``[[reviews]]``.

A follow-on workshop (``[workshop] after = "earlier.toml"``) carries the earlier workshops' open actions
and advisors' follow-up offers as review rows; reviewing one sets its ``outcome`` and ``at``. The earlier
file is never written: what became of an item is recorded here, in the later workshop's file.

* ``file`` is the file of the workshop where the item was agreed, relative to this file's folder;
  ``workshop`` is that workshop's ``created`` time, which finds it again after a rename.
* ``item`` is the action's id (``kind = "action"``) or the follow-up offer's entry id (``kind = "follow_up"``).
* ``text`` is the item's text as carried (so the summary reads without opening the earlier file).
* ``outcome``: ``open`` (carried, or reviewed and still open), ``in_progress`` (with a short ``note``),
  ``done`` (for an offer: taken up) or ``dropped`` (not taken up); ``owner`` / ``due`` are a new owner or
  due date given at the review; ``at`` is when it was reviewed (none: carried, not yet reviewed).

Plain pydantic like ``model``, below it (``model`` imports this); times are read through ``times``.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .times import file_time

ReviewOutcome = Literal["open", "in_progress", "done", "dropped"]
REVIEW_OUTCOMES: tuple[ReviewOutcome, ...] = ("open", "in_progress", "done", "dropped")
ReviewKind = Literal["action", "follow_up"]
MAX_PATH = 1024
MAX_NOTE = 2000


def check_path_text(value: str) -> str:
    """A file reference as written in a session file: not empty, one line, no NUL, bounded."""
    if not value.strip():
        raise ValueError("a file reference is not empty")
    if len(value) > MAX_PATH:
        raise ValueError(f"a file reference is at most {MAX_PATH} characters")
    if any(ord(c) < 0x20 or c == "\x7f" for c in value):
        raise ValueError("a file reference holds no control characters or line breaks")
    return value


def _file_time(value: datetime) -> datetime:
    return file_time(value)


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    file: str
    workshop: datetime | None = None  # the ``created`` of the workshop where the item was agreed
    kind: ReviewKind = "action"
    item: str = Field(min_length=1, max_length=64)
    text: str = ""
    outcome: ReviewOutcome = "open"
    owner: str | None = None
    due: Date | None = None
    note: str = Field(default="", max_length=MAX_NOTE)
    at: datetime | None = None

    @field_validator("file")
    @classmethod
    def _file(cls, value: str) -> str:
        return check_path_text(value)

    @field_validator("workshop", "at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return None if value is None else _file_time(value)

    @property
    def reviewed(self) -> bool:
        return self.at is not None
