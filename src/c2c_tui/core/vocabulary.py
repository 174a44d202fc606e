"""The session's words, as types and tuples: phases, entry kinds, modes, team roles, MoSCoW, action statuses,
clock events. Plain Python, no pydantic: ``model`` builds its classes on them and re-exports them, so the
rest of c2c imports them from ``model`` as before.
"""

from __future__ import annotations

from typing import Literal, get_args

PhaseId = Literal["rapport", "context", "insights", "reflect", "agree"]
PHASE_IDS: tuple[PhaseId, ...] = ("rapport", "context", "insights", "reflect", "agree")

EntryKind = Literal[
    "note",
    "context",
    "surprise",
    "gap",
    "example",
    "idea",
    "question",
    "contact",
    "consideration",
    "follow_up",
    "feedback_useful",
    "feedback_keep",
    "feedback_change",
]
ENTRY_KINDS: tuple[EntryKind, ...] = get_args(EntryKind)
FEEDBACK_KINDS: tuple[EntryKind, ...] = ("feedback_useful", "feedback_keep", "feedback_change")
Mode = Literal["in-person", "hybrid", "online"]
TeamRole = Literal["seeking", "advisor", "specialist", "facilitation"]
ROLE_LABELS: dict[str, str] = {  # short: the set-up's table and role choice
    "seeking": "Seeking",
    "advisor": "Advisor",
    "specialist": "Specialist",
    "facilitation": "Facilitation",
}
ROLE_TITLES: dict[str, str] = {  # in a sentence: the summary ("Athens Resilience Office (seeking team)")
    "seeking": "Seeking team",
    "advisor": "Advisor team",
    "specialist": "Specialist",
    "facilitation": "Facilitation",
}
MoSCoW = Literal["must", "should", "could", "wont"]
MOSCOW: tuple[MoSCoW, ...] = ("must", "should", "could", "wont")
ActionStatus = Literal["open", "done", "dropped"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "done", "dropped")


def next_status(status: ActionStatus) -> ActionStatus:
    """The status after ``status`` when it is cycled (space on an action): open → done → dropped → open."""
    return ACTION_STATUSES[(ACTION_STATUSES.index(status) + 1) % len(ACTION_STATUSES)]


ClockEventKind = Literal["start", "pause", "resume", "next", "back", "extend", "rebalance", "finish", "turn"]
