"""Part 2's turns: every Advisor team gets its turn, and its share of Part 2's time.

A turn is a ``turn`` event in the clock log (``{event = "turn", team = "t2", at = ...}``); ``log.derive``
folds it: whose turn it is now and the running time of Part 2 spent in each team's turns. Here:

* **Shares.** Part 2's adjusted budget (its agenda minutes plus extends and rebalancing, so F6/F7 in Part 2
  give the turns more time) is split evenly over the Advisor teams, in whole seconds, the first teams
  taking the odd seconds. A team with ``turn_minutes`` in its ``[[teams]]`` row keeps exactly that share;
  the others split what is left (nothing when the fixed shares take it all).
* **Commands.** ``take_turn`` gives the turn to one Advisor team (or ends the turns with ``None``);
  ``next_turn`` goes round them in the order of the teams: nobody -> the first -> ... -> the last ->
  nobody (the Seeking team's own discussion). Both apply only in Part 2 before the finish.

A turn for a team that is no longer an Advisor team (removed, or its role changed) is shown as nobody's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..model import ClockEvent, PhaseId, Team
from .log import ClockState, append_event, state_of

if TYPE_CHECKING:
    from ..model import Session

TURN_PHASE: PhaseId = "insights"


@dataclass(frozen=True)
class TeamTurn:
    """One Advisor team's turn in Part 2: its share, the time it has had, and whether it is on now."""

    team: str  # the team's id
    name: str
    share_seconds: int
    used_seconds: float
    current: bool
    had_turn: bool  # it has had a turn (or has one now), even one that took no running time yet

    @property
    def left_seconds(self) -> float:
        """What is left of the share (negative when the turn has run over)."""
        return self.share_seconds - self.used_seconds


def shares(advisors: list[Team], budget_seconds: int) -> dict[str, int]:
    """Each Advisor team's share of ``budget_seconds``, by team id (see the module's rules)."""
    fixed = {t.id: t.turn_minutes * 60 for t in advisors if t.turn_minutes is not None}
    even = [t.id for t in advisors if t.turn_minutes is None]
    rest = max(0, budget_seconds - sum(fixed.values()))
    result = dict(fixed)
    if even:
        base, odd = divmod(rest, len(even))
        for i, team_id in enumerate(even):
            result[team_id] = base + (1 if i < odd else 0)
    return {t.id: result[t.id] for t in advisors}


def turns_of(session: Session, state: ClockState) -> tuple[TeamTurn, ...]:
    """One row per Advisor team, in the order of the teams."""
    advisors = session.advisor_teams
    budget = next(t.budget_seconds for t in state.timings if t.phase == TURN_PHASE)
    split = shares(advisors, budget)
    used = dict(state.turn_seconds)
    return tuple(
        TeamTurn(
            team=t.id,
            name=t.name,
            share_seconds=split[t.id],
            used_seconds=used.get(t.id, 0.0),
            current=t.id == state.turn,
            had_turn=t.id in used,
        )
        for t in advisors
    )


def current_turn(session: Session, state: ClockState) -> TeamTurn | None:
    """The turn on now (in Part 2 only), or None."""
    if state.turn is None:
        return None
    return next((t for t in turns_of(session, state) if t.current), None)


def has_turns(session: Session) -> bool:
    """Any turn in the log (the summary lists the turns only then)."""
    return any(event.event == "turn" for event in session.clock)


def turn_team(session: Session, state: ClockState) -> str | None:
    """The id of the Advisor team whose turn it is now: where a capture without ``#team`` goes."""
    if state.turn is None:
        return None
    team = session.team(state.turn)
    return team.id if team is not None and team.role == "advisor" else None


def take_turn(session: Session, now: datetime, team_id: str | None) -> ClockEvent | None:
    """Give the turn to ``team_id`` (an Advisor team), or end the turns with None.

    None (nothing appended) outside Part 2, once finished, for a team that is not an Advisor team, or when
    it is that team's turn already.
    """
    state = state_of(session, now)
    if state.phase != TURN_PHASE or state.state == "finished":
        return None
    if team_id is not None and team_id not in {t.id for t in session.advisor_teams}:
        return None
    if turn_team(session, state) == team_id:
        return None
    return append_event(session, now, "turn", TURN_PHASE, team=team_id)


def next_turn(session: Session, now: datetime) -> ClockEvent | None:
    """The next Advisor team's turn, in team order; after the last, nobody's (then the first again)."""
    advisors = [t.id for t in session.advisor_teams]
    if not advisors:
        return None
    current = turn_team(session, state_of(session, now))
    if current is None:
        target: str | None = advisors[0]
    else:
        index = advisors.index(current) + 1
        target = advisors[index] if index < len(advisors) else None
    return take_turn(session, now, target)
