"""The facilitator app's clock keys: F5 (start, pause, resume), PageDown / PageUp (clicker-friendly), the
palette's "Go to ...", F6/F7/F8 (extend) and F9 (rebalance).

``ClockActions`` is mixed into the app (the actions of a binding live there). The clicker keys are
priority keys: the app takes them as soon as they are read, while keys read just before them may still
wait in the capture line. Each acts in the key order (``in_key_order``), so a line entered right before
PageDown is taken in the phase it was typed in.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from c2c_tui.core import clock as core_clock
from c2c_tui.core.clock import Clock, ClockState, agenda
from c2c_tui.core.model import PhaseId, Session
from c2c_tui.core.phases import phase
from c2c_tui.tui.run.in_order import in_key_order

FINISH_CONFIRM_SECONDS = 5
REOPEN_ASK_SECONDS = 3600  # PageUp on a workshop that finished longer ago than this asks first


class ClockActions:
    """The app provides ``session``, ``clock``, ``clock_state``, ``say``, ``clock_changed``, ``push_screen``
    and ``screen``."""

    session: Session
    clock: Clock
    _finish_armed_at: datetime | None = None

    if TYPE_CHECKING:
        screen: Any

        def clock_state(self) -> ClockState: ...

        def say(
            self, message: str, *, severity: str = "information", timeout: float | None = None
        ) -> None: ...

        def clock_changed(self) -> None: ...

        def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def action_toggle_clock(self) -> None:
        in_key_order(self, self._toggle_clock)

    def action_next_phase(self) -> None:
        in_key_order(self, self._next_phase)

    def action_previous_phase(self) -> None:
        in_key_order(self, self._previous_phase_or_ask)

    def _toggle_clock(self) -> None:
        from c2c_tui.core.setup import start_problem  # the set-up's checks: not needed for the first frame

        missing = start_problem(self.session) if self.clock_state().state == "ready" else None
        if missing is not None:
            self.say(f"The clock cannot start yet: {missing}. F3 opens the set-up.", severity="warning")
            return
        if core_clock.toggle(self.session, self.clock.now()) is None:
            self.say("The workshop has finished: PgUp reopens the last phase.")
            return
        self.clock_changed()

    def _next_phase(self) -> None:
        state = self.clock_state()
        now = self.clock.now()
        if state.next_phase is None and state.state in ("running", "paused"):
            # finishing is one press away from a clicker: ask for a second press within a few seconds
            armed = self._finish_armed_at
            if armed is None or (now - armed).total_seconds() > FINISH_CONFIRM_SECONDS:
                self._finish_armed_at = now
                self.say(
                    f"Last phase. Press PageDown again within {FINISH_CONFIRM_SECONDS} s to finish the workshop."
                )
                return
        self._finish_armed_at = None
        if core_clock.next_phase(self.session, now) is None:
            self.say("This is the end of the agenda." if state.state != "finished" else "Already finished.")
            return
        if state.next_phase is None:
            self.say("Workshop finished. PgUp reopens the last phase.")
        self.clock_changed()

    def _previous_phase_or_ask(self) -> None:
        from c2c_tui.tui.dialogs.confirm import ConfirmDialog  # not before the first frame

        state = self.clock_state()
        if state.state == "finished" and state.finished_at is not None:
            ago = (state.now - state.finished_at).total_seconds()
            if ago > REOPEN_ASK_SECONDS:
                if not isinstance(self.screen, ConfirmDialog):
                    self.push_screen(
                        ConfirmDialog(
                            f"Reopen this workshop? It finished {_ago(ago)}.",
                            detail="Its last phase comes back, paused, and the plan is then counted "
                            "from now: the workshop will show far behind plan.",
                            yes="reopen it",
                            no="leave it finished",
                        ),
                        lambda yes: self._previous_phase() if yes else None,
                    )
                return
        self._previous_phase()

    def _previous_phase(self) -> None:
        if core_clock.previous_phase(self.session, self.clock.now()) is None:
            self.say("This is the first phase.")
            return
        self.clock_changed()

    def action_go_to_phase(self, phase_id: PhaseId) -> None:
        """The palette's "Go to ...": straight to a phase, the run state carrying over as with PgDn/PgUp."""
        state = self.clock_state()
        if core_clock.go_to(self.session, self.clock.now(), phase_id) is None:
            if state.state == "finished":
                self.say("The workshop has finished: PgUp reopens the last phase.")
            else:
                self.say(f"Already in {phase(phase_id).title}.")
            return
        if state.state == "ready":
            self.say(f"{phase(phase_id).title}: the clock has not started; F5 starts it here.")
        elif state.state == "paused":
            self.say(f"{phase(phase_id).title}: the clock is paused; F5 resumes it.")
        self.clock_changed()

    def action_extend(self, minutes: int) -> None:
        event = core_clock.extend(self.session, self.clock.now(), minutes)
        if event is None:
            self.say("A phase keeps at least one minute." if minutes < 0 else "The workshop has finished.")
            return
        state = self.clock_state()
        self.say(
            f"{event.minutes:+d} min: {phase(state.phase).short} now has {state.budget_seconds // 60} min."
        )
        self.clock_changed()

    def action_rebalance(self) -> None:
        event = agenda.rebalance(self.session, self.clock.now())
        if event is None or not event.adjust:
            self.say("Nothing to rebalance: the plan holds (or no phase is left to change).")
            return
        changes = ", ".join(f"{phase(p).short} {m:+d}" for p, m in event.adjust.items())
        self.say(f"Rebalanced the rest of the plan (minutes): {changes}.")
        self.clock_changed()


def _ago(seconds: float) -> str:
    """``3 hours ago``, ``19 days ago``: how long ago a workshop finished, roughly."""
    hours = int(seconds // 3600)
    if hours < 48:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    return f"{hours // 24} days ago"
