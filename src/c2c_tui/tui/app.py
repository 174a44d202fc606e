"""The facilitator app: ``make_app(session_file, clock=...)`` builds it exactly as the CLI and the tests do.

The app holds the session, the clock (injected: tests pass a FakeClock), the editor and the autosaver.
Time is never counted: every tick derives the clock state from the session's event log and ``clock.now()``,
and schedules the next tick on the next whole second of the time left.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any

from textual.app import App
from textual.worker import Worker, WorkerState

from c2c_tui.core import agenda
from c2c_tui.core import clock as core_clock
from c2c_tui.core.clock import Clock, ClockState, SystemClock
from c2c_tui.core.editor import Editor
from c2c_tui.core.model import PhaseId, Session
from c2c_tui.core.phases import phase
from c2c_tui.core.setup import apply_setup
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.alerts import AlertWatch, next_tick_delay
from c2c_tui.tui.autosave import GROUP as AUTOSAVE_GROUP
from c2c_tui.tui.autosave import AutoSaver
from c2c_tui.tui.commands import C2CCommands, bindings
from c2c_tui.tui.messages import SessionChanged
from c2c_tui.tui.screens.run import RunScreen
from c2c_tui.tui.themes import use_default_theme

FINISH_CONFIRM_SECONDS = 5
SETUP_BLOCKS = frozenset({"next_phase", "previous_phase", "quit_saved"})


class C2CApp(App[None]):
    CSS_PATH = "c2c.tcss"
    TITLE = "c2c"
    BINDINGS = bindings()
    COMMANDS = App.COMMANDS | {C2CCommands}

    def __init__(self, session_file: SessionFile, clock: Clock | None = None) -> None:
        super().__init__()
        self.session_file = session_file
        self.session = session_file.session
        self.clock: Clock = clock or SystemClock()
        self.editor = Editor(self.session)
        self.saver = AutoSaver(self, self._save_problem, self._summary_problem)
        self.alerts = AlertWatch()
        self.quit_without_saving = False
        self._quit_armed = False
        self._finish_armed_at: datetime | None = None
        self._tick_timer: Any = None
        use_default_theme(self)

    # -- state ----------------------------------------------------------------------------------------

    def clock_state(self) -> ClockState:
        return core_clock.state_of(self.session, self.clock.now())

    @property
    def current_phase(self) -> PhaseId:
        return self.clock_state().phase

    @property
    def run_screen(self) -> RunScreen:
        return next(s for s in self.screen_stack if isinstance(s, RunScreen))

    def get_default_screen(self) -> RunScreen:
        return RunScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self.tick)
        self.call_after_refresh(self.saver.warm)  # after the first frame: the first autosave is then warm
        if self.session_file.read_only:
            self.say(
                f"{self.session_file.path}: {self.session_file.read_only_reason}: "
                "you can look and run the clock, but nothing you change is saved.",
                severity="warning",
                timeout=20,
            )

    def tick(self) -> None:
        """Show the clock as it is now, alert on a crossed level, and plan the next tick."""
        state = self.clock_state()
        for screen in self.screen_stack:
            show = getattr(screen, "show_clock", None)
            if show is not None and screen.is_mounted:
                show(state)
        alert = self.alerts.check(state)
        if alert is not None:
            self.alert(alert)
        if self._tick_timer is not None:
            self._tick_timer.stop()
        self._tick_timer = self.set_timer(next_tick_delay(state), self.tick, name="clock-tick")

    def alert(self, kind: str) -> None:
        """A flash on the clock, and the bell unless it is muted."""
        for screen in self.screen_stack:
            flash = getattr(screen, "flash", None)
            if flash is not None and screen.is_mounted:
                flash()
        if self.session.settings.bell:
            self.bell()

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """A notification with literal text (user text is never markup). The wall view stays clean: there
        only errors are shown (the clock itself shows what a key did)."""
        if severity != "error" and type(self.screen).__name__ == "WallScreen":
            return
        self.notify(message, markup=False, severity=severity, timeout=timeout)  # type: ignore[arg-type]

    # -- changes and saving -----------------------------------------------------------------------------

    def on_session_changed(self, message: SessionChanged) -> None:
        """Save soon. Whoever changed the items has already shown them (the work area, the capture handler,
        the set-up); only a clock change needs the clock worked out again."""
        self.saver.changed()
        if message.what == "clock":
            self.tick()
        self.show_status()

    def show_status(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, RunScreen) and screen.is_mounted:
                screen.show_status()

    def clock_changed(self) -> None:
        self.post_message(SessionChanged("clock"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != AUTOSAVE_GROUP:
            return
        if event.state == WorkerState.SUCCESS:
            self.saver.finished(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.saver.finished(None)
        else:
            return
        self.show_status()

    def _save_problem(self, problem: str | None) -> None:
        if problem is None:
            self.say("Saved again: everything is on disk.")
        elif self.session_file.read_only:
            self.say(f"NOT SAVED: {problem}. Your changes are only in memory.", severity="error", timeout=15)
        else:
            self.say(
                f"NOT SAVED: {problem}. Everything is kept in memory; retrying every few seconds.",
                severity="error",
                timeout=15,
            )
        self.show_status()

    def _summary_problem(self, problem: str) -> None:
        """The session is on disk; only its summary is not (said once, until it fails differently)."""
        self.say(f"Saved, but without the summary: {problem}", severity="warning", timeout=15)

    # -- actions (the commands in tui/commands.py) ------------------------------------------------------

    def action_toggle_clock(self) -> None:
        if core_clock.toggle(self.session, self.clock.now()) is None:
            self.say("The workshop has finished: PgUp reopens the last phase.")
            return
        self.clock_changed()

    def action_next_phase(self) -> None:
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

    def action_previous_phase(self) -> None:
        if core_clock.previous_phase(self.session, self.clock.now()) is None:
            self.say("This is the first phase.")
            return
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

    def action_wall(self) -> None:
        from c2c_tui.tui.screens.wall import WallScreen

        if isinstance(self.screen, WallScreen):
            self.screen.dismiss()
        else:
            self.push_screen(WallScreen())

    def action_setup(self) -> None:
        from c2c_tui.tui.screens.setup import SetupScreen

        if isinstance(self.screen, SetupScreen):
            return

        def apply(edited: Session | None) -> None:
            if edited is None:
                return
            try:
                apply_setup(self.session, edited)
            except ValueError as error:
                self.say(f"Set-up not applied: {error}", severity="error")
                return
            self.say("Set-up updated.")
            self.run_screen.setup_changed()
            self.post_message(SessionChanged("setup"))

        self.push_screen(SetupScreen(self.session), apply)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the set-up form is open, the clicker and quit keys wait: they must not move the workshop
        on, or quit and lose the form, behind the facilitator's back."""
        return not (action in SETUP_BLOCKS and type(self.screen).__name__ == "SetupScreen")

    def action_help(self) -> None:
        from c2c_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_bell(self) -> None:
        settings = self.session.settings
        settings.bell = not settings.bell
        self.say("Bell on for the alerts." if settings.bell else "Bell off (the clock still flashes).")
        self.post_message(SessionChanged("settings"))

    def action_save_now(self) -> None:
        problem = self.saver.save_now()
        if problem is None:
            self.say(f"Saved {self.session_file.path}")
        self.show_status()

    async def action_quit(self) -> None:
        """Every way to quit (the palette's Quit too) saves first."""
        self.action_quit_saved()

    def action_quit_saved(self) -> None:
        """Quit with everything saved. If saving fails, say so; a second ctrl+q quits anyway."""
        problem = self.saver.save_now() if self.saver.unsaved else None
        if problem is None:
            self.exit(return_code=0)
            return
        if self._quit_armed:
            self.quit_without_saving = True
            self.exit(return_code=1)
            return
        self._quit_armed = True
        self.show_status()
        lost = "the changes since the last save"
        if not os.path.lexists(self.session_file.target):
            lost = f"this session ({self.session_file.path} no longer exists)"
        self.say(
            f"NOT SAVED: {problem}. Press ctrl+q again to quit anyway and lose {lost}.",
            severity="error",
            timeout=30,
        )


def make_app(session_file: SessionFile, *, clock: Clock | None = None) -> C2CApp:
    """The facilitator app on an open session file (the CLI and the tests build it the same way)."""
    return C2CApp(session_file, clock=clock)


__all__ = ["C2CApp", "make_app"]
