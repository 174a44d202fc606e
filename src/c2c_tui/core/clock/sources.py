"""Where the clock's ``now`` comes from: ``SystemClock`` (the real time) or ``FakeClock`` (tests), both aware UTC.
Everything that needs the time takes one of these (``Clock``), never the system clock directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from ..times import utc


class Clock(Protocol):
    def now(self) -> datetime: ...  # aware, UTC


class SystemClock:
    """The real time, aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock for tests: it moves only when told."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = utc(start) if start is not None else datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)

    def set(self, dt: datetime) -> None:
        self._now = utc(dt)
