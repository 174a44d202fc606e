"""The workshop clock as an event log: the state is a pure function of (events, agenda, now).

Nothing ticks. ``derive`` folds the ``[[clock]]`` events of a session and reads the time passed in, so a
crash, a restart or a second terminal that only reads the file all see exactly the same clock, and the
time while the app was closed counts (a log that ends "running" keeps running).

Rules of the fold (the choices made where the method leaves room):

* Phases are the five agenda phases in order. The clock starts ``ready`` on phase 0 with nothing spent.
* ``start`` ready -> running; ``pause`` running -> paused; ``resume`` paused -> running.
* ``next`` keeps the run state: running stays running, paused stays paused, and before the start it is a
  preview that costs no time. ``next`` on the last phase finishes the workshop (ignored before the start:
  a workshop that never started cannot finish).
* ``back`` returns to the previous phase (never below phase 0); that phase's time carries on from what it
  had, so the actual time of a phase adds up over all its visits. ``back`` after the finish reopens the
  phase the workshop finished on, paused.
* ``finish`` ends a running or paused workshop on the current phase; phases after it stay ``todo``.
* ``extend`` adds (or takes) minutes on the current phase's budget; ``rebalance`` adds ``adjust`` minutes
  to the phases it names. A budget stays between one minute and seven days (clamped). The event's ``phase`` field
  is informative: the derived current phase is the one extended. Neither applies after the finish.
* An event that does not apply in the state reached so far is ignored, so a hand-edited log never
  breaks the clock. Events are sorted (stably) by ``at`` before folding.
* ``turn`` (only in Part 2, ``insights``) says whose turn it is: Part 2's running time from then on
  counts for that team (``ClockState.turn_seconds``) until the next turn; a turn without a team ends the
  turns. Leaving Part 2 keeps the turn: back in Part 2 it carries on. See ``turns`` for the shares.
* Only running time counts (pauses excluded). An event later than ``now`` (a clock that was set forward
  and corrected, a hand-edited time) is folded as if it happened ``now``: the clock never runs backwards
  and never shows time that has not passed. The app moves such events to ``now`` in the log
  (``settle``), so from then on the clock runs instead of waiting for the future to come.

Commands (``toggle``, ``next_phase`` ...) first ``settle`` the log, then append one event stamped ``now``
(so a new event always folds last) and return it; they return ``None`` and append nothing when the
command does not apply.

Arithmetic is done on ``datetime``/``timedelta`` (whole microseconds) and turned into seconds with
``total_seconds()`` only at the end, so repeated pauses never drift.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal

from ..model import PHASE_IDS, AgendaItem, ClockEvent, ClockEventKind, PhaseId
from ..times import utc
from ..zone import session_zone

if TYPE_CHECKING:
    from ..model import Session

Level = Literal["normal", "warning", "danger", "overtime"]
RunState = Literal["ready", "running", "paused", "finished"]
Status = Literal["done", "current", "todo"]

MIN_BUDGET_SECONDS = 60
MAX_BUDGET_SECONDS = 7 * 24 * 3600
_LAST = len(PHASE_IDS) - 1
_TURNS = PHASE_IDS.index("insights")  # the phase with the Advisor teams' turns
_ZERO = timedelta(0)


@dataclass(frozen=True)
class PhaseTiming:
    phase: PhaseId
    planned_seconds: int  # agenda minutes * 60 (the original plan)
    budget_seconds: int  # planned + extends + rebalance adjustments for this phase
    actual_seconds: float  # running time spent in this phase so far (all visits; pauses excluded)
    status: Status


@dataclass(frozen=True)
class ClockState:
    now: datetime
    phase: PhaseId
    index: int
    state: RunState
    elapsed_seconds: float
    remaining_seconds: float  # budget - elapsed; negative when over
    budget_seconds: int
    level: Level
    timings: tuple[PhaseTiming, ...]
    started_at: datetime | None
    finished_at: datetime | None
    planned_finish: datetime | None  # first start + sum of agenda minutes (None before start)
    projected_finish: datetime  # when the whole workshop ends if the rest goes to (adjusted) plan
    offset_seconds: float  # projected - planned; > 0 behind plan, < 0 ahead; 0 before start
    turn: str | None = None  # the team whose turn it is (in Part 2 only; None elsewhere and between turns)
    turn_seconds: tuple[tuple[str, float], ...] = ()  # (team id, Part 2 time in its turns), in turn order
    zone: tzinfo | None = None  # the zone times of day are shown in (the workshop's; None: the machine's)

    @property
    def next_phase(self) -> PhaseId | None:
        if self.state == "finished" or self.index >= _LAST:
            return None
        return PHASE_IDS[self.index + 1]

    @property
    def over(self) -> bool:
        return self.remaining_seconds < 0


class _Fold:
    """The mutable state while folding the log; ``derive`` turns it into a ClockState."""

    def __init__(self, planned: list[int]) -> None:
        self.index = 0
        self.state: RunState = "ready"
        self.spent = [_ZERO] * len(PHASE_IDS)
        self.budgets = list(planned)
        self.running_since: datetime | None = None
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None
        self.turn: str | None = None
        self.turn_spent: dict[str, timedelta] = {}

    def _bank(self, at: datetime) -> None:
        """Add the running time up to ``at`` to the current phase (and turn) and restart the segment there."""
        if self.running_since is not None:
            run = max(at - self.running_since, _ZERO)
            self.spent[self.index] += run
            if self.index == _TURNS and self.turn is not None:
                self.turn_spent[self.turn] = self.turn_spent.get(self.turn, _ZERO) + run
            self.running_since = at

    def _add_budget(self, index: int, minutes: int) -> None:
        budget = self.budgets[index] + minutes * 60
        self.budgets[index] = min(MAX_BUDGET_SECONDS, max(MIN_BUDGET_SECONDS, budget))

    def apply(self, event: ClockEvent) -> None:
        at, kind, state = event.at, event.event, self.state
        if kind == "start" and state == "ready":
            self.state, self.running_since, self.started_at = "running", at, at
        elif kind == "pause" and state == "running":
            self._bank(at)
            self.state, self.running_since = "paused", None
        elif kind == "resume" and state == "paused":
            self.state, self.running_since = "running", at
        elif kind == "next" and state != "finished":
            if self.index < _LAST:
                self._bank(at)
                self.index += 1
            elif state != "ready":
                self._finish(at)
        elif kind == "back":
            if state == "finished":
                self.state, self.finished_at = "paused", None
            elif self.index > 0:
                self._bank(at)
                self.index -= 1
        elif kind == "finish" and state in ("running", "paused"):
            self._finish(at)
        elif kind == "extend" and state != "finished" and event.minutes is not None:
            self._add_budget(self.index, event.minutes)
        elif kind == "rebalance" and state != "finished" and event.adjust:
            for phase_id, minutes in event.adjust.items():
                if phase_id in PHASE_IDS:
                    self._add_budget(PHASE_IDS.index(phase_id), minutes)
        elif kind == "turn" and state != "finished" and self.index == _TURNS:
            self._bank(at)
            self.turn = event.team
            if event.team is not None:
                self.turn_spent.setdefault(event.team, _ZERO)

    def _finish(self, at: datetime) -> None:
        self._bank(at)
        self.state, self.running_since, self.finished_at = "finished", None, at


def _level(state: RunState, remaining: float, warning: int, danger: int) -> Level:
    if state in ("ready", "finished"):
        return "normal"
    if remaining < 0:
        return "overtime"
    if remaining <= danger:
        return "danger"
    if remaining <= warning:
        return "warning"
    return "normal"


def _status(i: int, index: int, state: RunState) -> Status:
    if i < index or (i == index and state == "finished"):
        return "done"
    return "current" if i == index else "todo"


def planned_seconds(agenda: Sequence[AgendaItem]) -> list[int]:
    """Seconds per phase, in PHASE_IDS order, from the agenda (a missing phase gets one minute)."""
    minutes = {item.phase: item.minutes for item in agenda}
    return [max(1, minutes.get(p, 1)) * 60 for p in PHASE_IDS]


def derive(
    events: Sequence[ClockEvent],
    agenda: Sequence[AgendaItem],
    now: datetime,
    *,
    warning_seconds: int = 120,
    danger_seconds: int = 60,
    zone: tzinfo | None = None,
) -> ClockState:
    """The clock at ``now`` from the event log and the agenda. Pure: nothing is read or changed."""
    now = utc(now)
    planned = planned_seconds(agenda)
    fold = _Fold(planned)
    for event in sorted(events, key=lambda e: e.at):
        fold.apply(event if event.at <= now else event.model_copy(update={"at": now}))
    if fold.running_since is not None:
        fold._bank(now)
    spent = fold.spent
    index, state = fold.index, fold.state
    elapsed = spent[index].total_seconds()
    budget = fold.budgets[index]
    remaining = budget - elapsed
    timings = tuple(
        PhaseTiming(
            phase=p,
            planned_seconds=planned[i],
            budget_seconds=fold.budgets[i],
            actual_seconds=spent[i].total_seconds(),
            status=_status(i, index, state),
        )
        for i, p in enumerate(PHASE_IDS)
    )
    planned_finish = None if fold.started_at is None else fold.started_at + timedelta(seconds=sum(planned))
    if state == "finished" and fold.finished_at is not None:
        projected = fold.finished_at
    elif state == "ready":
        projected = now + timedelta(seconds=sum(fold.budgets))
    else:
        left_here = max(timedelta(seconds=budget) - spent[index], _ZERO)
        projected = now + left_here + timedelta(seconds=sum(fold.budgets[index + 1 :]))
    offset = 0.0 if planned_finish is None else (projected - planned_finish).total_seconds()
    return ClockState(
        now=now,
        phase=PHASE_IDS[index],
        index=index,
        state=state,
        elapsed_seconds=elapsed,
        remaining_seconds=remaining,
        budget_seconds=budget,
        level=_level(state, remaining, warning_seconds, danger_seconds),
        timings=timings,
        started_at=fold.started_at,
        finished_at=fold.finished_at,
        planned_finish=planned_finish,
        projected_finish=projected,
        offset_seconds=offset,
        turn=fold.turn if index == _TURNS and state != "finished" else None,
        turn_seconds=tuple((team, run.total_seconds()) for team, run in fold.turn_spent.items()),
        zone=zone,
    )


def state_of(session: Session, now: datetime) -> ClockState:
    """``derive`` with the session's own log, agenda, warning/danger settings and time zone."""
    return derive(
        session.clock,
        session.agenda,
        now,
        warning_seconds=session.settings.warning_seconds,
        danger_seconds=session.settings.danger_seconds,
        zone=session_zone(session),
    )


# -- commands ---------------------------------------------------------------------------------------


def settle(session: Session, now: datetime) -> bool:
    """Move the events later than ``now`` to ``now`` (their order kept); True when any moved.

    The log then says what the clock showed, and a later ``now`` counts from here: a system clock that
    jumped forward and back does not freeze the workshop until the future entries come due.
    """
    now = utc(now)
    if not any(e.at > now for e in session.clock):
        return False
    ordered = sorted(session.clock, key=lambda e: e.at)
    session.clock[:] = [e if e.at <= now else e.model_copy(update={"at": now}) for e in ordered]
    return True


def stamp(session: Session, now: datetime) -> datetime:
    """The time for a new event: ``now``, or the latest time in the log if ``now`` is earlier."""
    now = utc(now)
    latest = max((e.at for e in session.clock), default=now)
    return max(now, latest)


def append_event(
    session: Session,
    now: datetime,
    kind: ClockEventKind,
    phase: PhaseId | None = None,
    *,
    minutes: int | None = None,
    adjust: dict[PhaseId, int] | None = None,
    team: str | None = None,
) -> ClockEvent:
    """Append an event to the log, stamped so that it folds last, and return it."""
    settle(session, now)
    at = stamp(session, now)
    event = ClockEvent(at=at, event=kind, phase=phase, minutes=minutes, adjust=adjust, team=team)
    session.clock.append(event)
    return event


def toggle(session: Session, now: datetime) -> ClockEvent | None:
    """F5: start when ready, pause when running, resume when paused; nothing once finished."""
    st = state_of(session, now)
    kind: dict[RunState, ClockEventKind] = {"ready": "start", "running": "pause", "paused": "resume"}
    if st.state not in kind:
        return None
    return append_event(session, now, kind[st.state], st.phase)


def next_phase(session: Session, now: datetime) -> ClockEvent | None:
    """The next phase (the run state carries over); on the last phase this finishes the workshop."""
    st = state_of(session, now)
    if st.state == "finished" or (st.state == "ready" and st.index >= _LAST):
        return None
    return append_event(session, now, "next", st.phase)


def previous_phase(session: Session, now: datetime) -> ClockEvent | None:
    """Back one phase (its time carries on); after the finish, reopen the last phase, paused."""
    st = state_of(session, now)
    if st.state != "finished" and st.index == 0:
        return None
    return append_event(session, now, "back", st.phase)


def go_to(session: Session, now: datetime, target: PhaseId) -> list[ClockEvent] | None:
    """Move to ``target`` as that many ``next`` or ``back`` events would (all stamped alike).

    The run state carries over as with PageDown / PageUp: running stays running, paused stays paused,
    and before the start it is a preview that costs no time (F5 then starts the clock there). It never
    finishes the workshop. ``None`` when already there or once finished (PageUp reopens first).
    """
    st = state_of(session, now)
    steps = PHASE_IDS.index(target) - st.index
    if st.state == "finished" or steps == 0:
        return None
    kind: ClockEventKind = "next" if steps > 0 else "back"
    direction = 1 if steps > 0 else -1
    return [append_event(session, now, kind, PHASE_IDS[st.index + i * direction]) for i in range(abs(steps))]


def extend(session: Session, now: datetime, minutes: int) -> ClockEvent | None:
    """Add (or take, when negative) minutes on the current phase's budget; never below one minute.

    The event records the change that really happens (``-5`` on a 3-minute phase stores ``-2``);
    ``None`` when nothing would change or the workshop is finished.
    """
    if abs(minutes) > 24 * 60:
        raise ValueError("extend by at most 1440 minutes (24 hours) at a time")
    st = state_of(session, now)
    if st.state == "finished":
        return None
    effective = max(minutes, (MIN_BUDGET_SECONDS - st.budget_seconds) // 60)
    effective = min(effective, (MAX_BUDGET_SECONDS - st.budget_seconds) // 60)
    if effective == 0:
        return None
    return append_event(session, now, "extend", st.phase, minutes=effective)


def finish(session: Session, now: datetime) -> ClockEvent | None:
    """End the workshop now (only once it has started and not already finished)."""
    st = state_of(session, now)
    if st.state not in ("running", "paused"):
        return None
    return append_event(session, now, "finish", st.phase)
