"""Agenda templates, and rebalancing what is left of the day so the planned finish holds.

``plan_rebalance`` works in whole minutes. The overrun is the state's offset (projected minus planned
finish) rounded to the nearest minute. Behind plan, that many minutes are taken from the phases still to
come, in proportion to their budgets, each keeping at least one minute; if they cannot give it all, they
give what they can and the rest stays as overrun. Ahead of plan, the spare minutes are added the same way.
Integer shares use the largest-remainder method (ties go to the earlier phase).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..model import PHASE_IDS, AgendaItem, ClockEvent, PhaseId
from .log import ClockState, append_event, state_of

if TYPE_CHECKING:
    from ..model import Session


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    minutes: dict[PhaseId, int]

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes.values())


def _minutes(rapport: int, context: int, insights: int, reflect: int, agree: int) -> dict[PhaseId, int]:
    return {"rapport": rapport, "context": context, "insights": insights, "reflect": reflect, "agree": agree}


_ALL = (
    Template(
        name="online-90",
        title="Online, 90 minutes",
        description="A video call: short introductions, then the four parts at a steady pace.",
        minutes=_minutes(rapport=10, context=15, insights=30, reflect=20, agree=15),
    ),
    Template(
        name="half-day",
        title="Half day, in person (3 h 30)",
        description="A morning or an afternoon in one room: time for examples and a real discussion of options.",
        minutes=_minutes(rapport=30, context=30, insights=60, reflect=60, agree=30),
    ),
    Template(
        name="full-day",
        title="Full day, in person (6 h 30)",
        description="A visit: a long rapport to build the temporary joint team, deep dives on examples and options.",
        minutes=_minutes(rapport=60, context=60, insights=120, reflect=90, agree=60),
    ),
)
TEMPLATES: dict[str, Template] = {t.name: t for t in _ALL}
DEFAULT_TEMPLATE = "online-90"


def unknown_template(name: str) -> str:
    """The one-line message for a template name that does not exist."""
    return f"unknown template {name!r}; choose one of: {', '.join(TEMPLATES)}"


def agenda_from_template(name: str) -> list[AgendaItem]:
    """The five agenda items of a template. ``KeyError`` (with the ``unknown_template`` message) if none."""
    template = TEMPLATES.get(name)
    if template is None:
        raise KeyError(unknown_template(name))
    return [AgendaItem(phase=p, minutes=template.minutes[p]) for p in PHASE_IDS]


def total_minutes(agenda: Sequence[AgendaItem]) -> int:
    return sum(item.minutes for item in agenda)


def _round_minutes(seconds: float) -> int:
    """Seconds to the nearest whole minute, halves away from zero."""
    whole = int(abs(seconds) / 60 + 0.5)
    return whole if seconds >= 0 else -whole


def _shares(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (all > 0), in integers, by largest remainder."""
    weight = sum(weights)
    floors = [total * w // weight for w in weights]
    rests = [total * w % weight for w in weights]
    left = total - sum(floors)
    for i in sorted(range(len(weights)), key=lambda i: (-rests[i], i))[:left]:
        floors[i] += 1
    return floors


def _take(total: int, budgets: list[int]) -> list[int]:
    """Take up to ``total`` minutes from ``budgets`` in proportion, none below one minute."""
    room = [b - 1 for b in budgets]
    if total >= sum(room):
        return room
    taken = [0] * len(budgets)
    open_ = [i for i in range(len(budgets)) if room[i] > 0]
    while total > 0 and open_:
        shares = _shares(total, [budgets[i] for i in open_])
        capped = [i for i, s in zip(open_, shares, strict=True) if taken[i] + s >= room[i]]
        if not capped:
            for i, s in zip(open_, shares, strict=True):
                taken[i] += s
            break
        for i in capped:  # these give all they have; share the rest among the others
            total -= room[i] - taken[i]
            taken[i] = room[i]
        open_ = [i for i in open_ if i not in capped]
    return taken


def plan_rebalance(state: ClockState) -> dict[PhaseId, int]:
    """Minute changes for the phases still to come that keep the planned finish where they can.

    Negative numbers when behind plan (minutes taken), positive when ahead (spare minutes added).
    ``{}`` when there is nothing to do: not running or paused, no phase left, or less than half a minute off.
    """
    if state.state not in ("running", "paused"):
        return {}
    todo = [t for t in state.timings if t.status == "todo"]
    overrun = _round_minutes(state.offset_seconds)
    if not todo or overrun == 0:
        return {}
    budgets = [t.budget_seconds // 60 for t in todo]
    if overrun > 0:
        changes = [-m for m in _take(overrun, budgets)]
    else:
        changes = _shares(-overrun, budgets)
    return {t.phase: change for t, change in zip(todo, changes, strict=True) if change}


def rebalance(session: Session, now: datetime) -> ClockEvent | None:
    """Append a ``rebalance`` event with the plan for ``now`` and return it; ``None`` if nothing to do."""
    state = state_of(session, now)
    plan = plan_rebalance(state)
    if not plan:
        return None
    return append_event(session, now, "rebalance", state.phase, adjust=plan)
