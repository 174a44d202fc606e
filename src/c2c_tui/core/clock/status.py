"""The live state of a session as text lines or one JSON-ready dict (for `c2c status`)."""

from __future__ import annotations

import math
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from ..model import Session
from ..phases import phase
from ..zone import differs_from_machine, zone_label
from .formats import format_remaining, time_of_day
from .log import ClockState


def local_hhmm(moment: datetime, zone: tzinfo | None = None) -> str:
    """The time of day in ``zone`` (the workshop's; None: the machine's) to the minute, rounded (07:49:55
    shows 07:50)."""
    return time_of_day(moment, zone)


def zone_suffix(state: ClockState) -> str:
    """`` CET`` after a time of day when the workshop's zone reads differently from this machine's clock
    (a laptop set to another zone, a viewer far away), else ''."""
    return f" {zone_label(state.now, state.zone)}" if differs_from_machine(state.now, state.zone) else ""


def offset_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes == 0:
        return "on plan"
    return f"{abs(minutes)} min {'behind' if minutes > 0 else 'ahead of'} plan"


def _iso(moment: datetime, zone: tzinfo | None) -> str:
    """ISO 8601 with the offset: in the workshop's zone when it has one, else UTC (as before)."""
    return (moment if zone is None else moment.astimezone(zone)).replace(microsecond=0).isoformat()


def status_json(session: Session, state: ClockState, path: Path | None = None) -> dict[str, Any]:
    elapsed = math.floor(state.elapsed_seconds)
    return {
        "title": session.title,
        "file": str(path) if path else None,
        "phase": state.phase,
        "phase_title": phase(state.phase).title,
        "state": state.state,
        "level": state.level,
        "elapsed_seconds": elapsed,
        "remaining_seconds": state.budget_seconds - elapsed,
        "budget_seconds": state.budget_seconds,
        "next_phase": state.next_phase,
        "projected_finish": _iso(state.projected_finish, state.zone),
        "planned_finish": _iso(state.planned_finish, state.zone) if state.planned_finish else None,
        "offset_seconds": round(state.offset_seconds),
        "timezone": session.workshop.timezone,
    }


def status_lines(session: Session, state: ClockState) -> list[str]:
    info = phase(state.phase)
    lines = [f"{session.title}", f"{info.title} · {state.state.upper()}"]
    if state.state == "finished":
        day = state.now.astimezone(state.zone).date()
        when = time_of_day(state.projected_finish, state.zone, day=day) + zone_suffix(state)
        lines.append(f"finished at {when} ({offset_words(state.offset_seconds)})")
        return lines
    budget_min = state.budget_seconds // 60
    if state.remaining_seconds < 0:
        lines.append(f"{format_remaining(state.remaining_seconds)} OVER the {budget_min} min planned")
    else:
        lines.append(f"{format_remaining(state.remaining_seconds)} left of {budget_min} min")
    upcoming = phase(state.next_phase).title if state.next_phase else "the end"
    lines.append(f"next: {upcoming}")
    finish = f"projected finish {local_hhmm(state.projected_finish, state.zone)}{zone_suffix(state)}"
    if state.state != "ready":
        finish += f" ({offset_words(state.offset_seconds)})"
    lines.append(finish)
    return lines
