"""Agreed actions as an iCalendar file (RFC 5545), for people's calendars.

One all-day ``VEVENT`` per action with a due date (actions without one are left out):

* ``DTSTART;VALUE=DATE`` the due date, ``DTEND;VALUE=DATE`` the day after (one whole day);
* ``UID`` the identity of the workshop where it was agreed (its ``created`` time) and the action's id,
  so the same action has the same UID in every export and a calendar updates it instead of adding a
  second one (``followup.ActionRow.uid``);
* ``DTSTAMP`` the time of the export (UTC); ``SUMMARY`` the action; ``DESCRIPTION`` its owner, team,
  workshop, status and, when a later workshop's review changed it, where;
* ``STATUS:CANCELLED`` for a dropped action, ``STATUS:CONFIRMED`` otherwise; a done one says
  "Status: done" in its DESCRIPTION and has ``CATEGORIES:c2c,done`` (VEVENT has no "completed" status);
  ``TRANSP:TRANSPARENT`` so a due date never shows its owner as busy.

Text is neutralised first (``neutral.shown``: no control character reaches a calendar), then escaped
(``\\`` ``;`` ``,`` and line breaks as ``\\n``); lines are folded at 75 octets, never inside a UTF-8
character, and end with CRLF.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from ..text.neutral import shown
from .actions import ActionRow

PRODID = "-//c2c//City to City Connections//EN"
LIMIT = 75  # octets per line, CRLF not counted


def escape(text: str) -> str:
    """RFC 5545 TEXT: neutralised, then backslash, semicolon, comma and line breaks escaped."""
    safe = shown(text.replace("\r\n", "\n").replace("\r", "\n"), lines=True).replace("\t", " ")
    safe = safe.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return "\\n".join(part for part in safe.split("\n"))


def fold(line: str) -> str:
    """One content line folded at 75 octets (continuations start with a space), CRLF-ended."""
    data = line.encode("utf-8")
    if len(data) <= LIMIT:
        return line + "\r\n"
    parts: list[str] = []
    current = b""
    budget = LIMIT
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > budget:
            parts.append(current.decode("utf-8"))
            current = b""
            budget = LIMIT - 1  # the leading space of a continuation line counts
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts) + "\r\n"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(row: ActionRow) -> str:
    status = row.progress or row.status
    lines = [
        f"Owner: {row.owner or 'not set'}",
        *([f"Team: {row.team}"] if row.team else []),
        f"Workshop: {row.workshop} ({row.path.name})",
        f"Status: {status}",
    ]
    if row.changed is not None:
        lines.append(f"Last changed in: {row.changed_title} ({row.changed.name})")
    return "\n".join(lines)


def _event(row: ActionRow, stamp: str) -> list[str]:
    assert row.due is not None
    start = row.due.strftime("%Y%m%d")
    end = (row.due + timedelta(days=1)).strftime("%Y%m%d") if row.due.year < 9999 else None
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(row.uid or row.id)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start}",
        *([f"DTEND;VALUE=DATE:{end}"] if end else []),
        f"SUMMARY:{escape(row.text) or escape(row.id)}",
        f"DESCRIPTION:{escape(_description(row))}",
        f"STATUS:{'CANCELLED' if row.status == 'dropped' else 'CONFIRMED'}",
        f"CATEGORIES:c2c,{row.status}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    return lines


def render_ics(rows: Iterable[ActionRow], now: datetime) -> str:
    """The calendar: a VEVENT per row with a due date (CRLF line ends, folded, escaped)."""
    stamp = _stamp(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append("X-WR-CALNAME:c2c actions")
    for row in rows:
        if row.due is not None:
            lines += _event(row, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
