"""Times read from a session file: aware UTC, within the bounds every command can show (years 1970 to
2200), a time without an offset read in a given zone (by default the machine's). The model and the review
rows both read times through ``file_time``.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2201, 1, 1, tzinfo=UTC)  # times are before this (years 1970 to 2200)


def utc(dt: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already (for times made in code)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    try:
        return dt.astimezone(UTC)
    except OverflowError:
        raise ValueError("this date and time cannot be converted to UTC (out of range)") from None


def file_time(dt: datetime, zone: tzinfo | None = None) -> datetime:
    """A time read from a session file, as aware UTC within EARLIEST..LATEST.

    A time without an offset (hand-edited) is read in ``zone``, by default the machine's local zone (a
    session with a ``[workshop] timezone`` has had its naive times read in it before: ``zone.read_naive``);
    it is stored with its offset from the next save on.
    """
    if dt.tzinfo is None:
        try:
            dt = dt.replace(tzinfo=zone) if zone is not None else dt.astimezone()
        except (OverflowError, OSError, ValueError):
            raise ValueError(
                "this date and time cannot be read in the local time zone (out of range)"
            ) from None
    aware = utc(dt)
    if not EARLIEST <= aware < LATEST:
        raise ValueError("should be between the years 1970 and 2200")
    return aware


__all__ = ["EARLIEST", "LATEST", "file_time", "utc"]
