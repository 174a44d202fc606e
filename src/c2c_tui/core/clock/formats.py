"""How the clock's times are shown: the countdown (``12:05``, ``+02:15`` over), and a time of day to the
minute, rounded (never cut)."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, tzinfo


def format_clock(seconds: float) -> str:
    """``12:05`` for 725 s, ``1:02:03`` past an hour. Whole seconds, rounded down; the sign is dropped."""
    total = math.floor(abs(seconds))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{mins:02d}:{secs:02d}"
    return f"{mins:02d}:{secs:02d}"


def format_remaining(seconds: float) -> str:
    """Time left like a countdown: ``12:05``, or ``+02:15`` in overtime.

    Time left rounds up (59.2 s left shows ``01:00``; ``00:01`` stays until zero is reached), so the
    display reads ``00:00`` exactly when the budget is spent. Overtime rounds down and counts up from
    ``+00:00``.
    """
    if seconds >= 0:
        return format_clock(math.ceil(seconds))
    return "+" + format_clock(math.floor(-seconds))


def to_minute(moment: datetime) -> datetime:
    """``moment`` rounded to the nearest minute (half a minute rounds up): 07:49:55 -> 07:50."""
    return (moment + timedelta(seconds=30)).replace(second=0, microsecond=0)


def time_of_day(moment: datetime, tz: tzinfo | None = None, *, day: date | None = None) -> str:
    """A time shown to the minute, rounded (never cut): ``07:50`` for 07:49:55, ``07:49`` for 07:49:29.

    Shown in ``tz`` (the machine's zone when None). With ``day``, a time on another date (after the
    rounding: 23:59:45 is the next day's 00:00) shows its date too: ``2026-11-13 00:00``.
    """
    shown = to_minute(moment.astimezone(tz))
    if day is not None and shown.date() != day:
        return f"{shown:%Y-%m-%d %H:%M}"
    return f"{shown:%H:%M}"
