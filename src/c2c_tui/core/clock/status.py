"""The live state of a session as text lines or one JSON-ready dict (for `c2c status`)."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import Any

from ..model import Session
from ..phases import phase
from .formats import format_remaining, time_of_day
from .log import ClockState


def local_hhmm(moment: datetime) -> str:
    """The local time of day to the minute, rounded (07:49:55 shows 07:50)."""
    return time_of_day(moment)


def offset_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes == 0:
        return "on plan"
    return f"{abs(minutes)} min {'behind' if minutes > 0 else 'ahead of'} plan"


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


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
        "projected_finish": _iso(state.projected_finish),
        "planned_finish": _iso(state.planned_finish) if state.planned_finish else None,
        "offset_seconds": round(state.offset_seconds),
    }


def status_lines(session: Session, state: ClockState) -> list[str]:
    info = phase(state.phase)
    lines = [f"{session.title}", f"{info.title} · {state.state.upper()}"]
    if state.state == "finished":
        when = time_of_day(state.projected_finish, day=state.now.astimezone().date())
        lines.append(f"finished at {when} ({offset_words(state.offset_seconds)})")
        return lines
    budget_min = state.budget_seconds // 60
    if state.remaining_seconds < 0:
        lines.append(f"{format_remaining(state.remaining_seconds)} OVER the {budget_min} min planned")
    else:
        lines.append(f"{format_remaining(state.remaining_seconds)} left of {budget_min} min")
    upcoming = phase(state.next_phase).title if state.next_phase else "the end"
    lines.append(f"next: {upcoming}")
    finish = f"projected finish {local_hhmm(state.projected_finish)}"
    if state.state != "ready":
        finish += f" ({offset_words(state.offset_seconds)})"
    lines.append(finish)
    return lines
