"""The facilitator app: ``make_app(session_file, clock=...)`` builds it exactly as the CLI and the tests do.

The app holds the session, the clock (injected: tests pass a FakeClock), the editor and the autosaver.
Time is never counted: every tick derives the clock state from the session's event log and ``clock.now()``,
and schedules the next tick on the next whole second of the time left.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import datetime
from typing import Any

from textual.app import App
from textual.driver import Driver
from textual.worker import Worker

from c2c_tui.core import clock as core_clock
from c2c_tui.core.capture.draft import keep_draft
from c2c_tui.core.capture.editor import Editor
from c2c_tui.core.clock import Clock, ClockState, SystemClock
from c2c_tui.core.clock.alerts import AlertWatch, next_tick_delay
from c2c_tui.core.model import PhaseId, Session
from c2c_tui.core.store import SessionFile
from c2c_tui.tui import notify
from c2c_tui.tui.neutral_filter import NeutralScreen
from c2c_tui.tui.run.autosave import AutoSaver
from c2c_tui.tui.run.clock_actions import ClockActions
from c2c_tui.tui.run.commands import C2CCommands, bindings
from c2c_tui.tui.run.context import RunContext
from c2c_tui.tui.run.gc_pause import resume_gc
from c2c_tui.tui.run.in_order import after_input_read, after_typed
from c2c_tui.tui.run.messages import SessionChanged
from c2c_tui.tui.run.quick_start import after_first_frame, breakpoint_classes
from c2c_tui.tui.run.run_screen import RunScreen
from c2c_tui.tui.run.turns import TurnActions, TurnCommands
from c2c_tui.tui.screen_roles import ClockView, HoldsRunKeys
from c2c_tui.tui.themes import use_default_theme

WARM_AFTER = 1.0  # seconds after the first full frame: the first autosave's head start (run/autosave.py)
SETUP_BLOCKS = frozenset({"next_phase", "previous_phase", "go_to_phase", "quit_saved", "since_last_time"})


class C2CApp(NeutralScreen, ClockActions, TurnActions, App[None]):
    CSS_PATH = "../c2c.tcss"
    TITLE = "c2c"
    BINDINGS = bindings()
    COMMANDS = App.COMMANDS | {C2CCommands, TurnCommands}

    def __init__(self, session_file: SessionFile, clock: Clock | None = None) -> None:
        super().__init__()
        self.clock: Clock = clock or SystemClock()
        saver = AutoSaver(
            session_file,
            self.clock,
            set_timer=self.set_timer,
            run_worker=self.run_worker,
            on_problem=self._save_problem,
            on_summary=self._summary_problem,
        )
        self.context = RunContext(session_file, self.clock, Editor(session_file.session), saver)
        self.alerts = AlertWatch()
        self.quit_without_saving = False
        self.stopped_by: signal.Signals | None = None  # the signal (SIGTERM, SIGHUP) that quit the app
        self._quit_armed = False
        self._finish_armed_at: datetime | None = None
        self._tick_timer: Any = None
        use_default_theme(self)

    # -- state (thin properties over the context, for the tests and the bench) -----------------------

    @property
    def session_file(self) -> SessionFile:
        return self.context.session_file

    @property
    def session(self) -> Session:
        return self.context.session

    @property
    def editor(self) -> Editor:
        return self.context.editor

    @property
    def saver(self) -> AutoSaver:
        return self.context.saver

    def clock_state(self) -> ClockState:
        return self.context.clock_state()

    @property
    def current_phase(self) -> PhaseId:
        return self.clock_state().phase

    @property
    def run_screen(self) -> RunScreen:
        return next(s for s in self.screen_stack if isinstance(s, RunScreen))

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, but on a Linux/macOS terminal the one that takes a paste literally."""
        driver = super().get_driver_class()
        if sys.platform == "win32":
            return driver
        from textual.drivers.linux_driver import LinuxDriver  # what Textual picked: already imported

        if driver is LinuxDriver:
            from c2c_tui.tui.run.paste_driver import LiteralPasteDriver  # imports termios: not on Windows

            return LiteralPasteDriver
        return driver

    def get_default_screen(self) -> RunScreen:
        """The run screen, with its breakpoint classes already set for the terminal's size (the first
        resize then restyles nothing: run/quick_start.py)."""
        screen = RunScreen(self.context)
        screen.add_class(*breakpoint_classes(screen, self.size), update=False)
        return screen

    def on_mount(self) -> None:
        if not self.is_headless and sys.platform != "win32":  # SIGTERM and SIGHUP quit as ctrl+q does
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self.on_signal, signum)
        self.call_after_refresh(self.tick)
        self.call_after_refresh(self._offer_review)
        after_first_frame(self.run_screen, self._first_frame_shown)
        if self.session_file.read_only:
            self.say(
                f"{self.session_file.path}: {self.session_file.read_only_reason}: "
                "you can look and run the clock, but nothing you change is saved.",
                severity="warning",
                timeout=20,
            )

    def _first_frame_shown(self) -> None:
        """The full first frame is up: the collector back on (``c2c run`` paused it), and a moment later
        the first autosave's head start (``warm``), so neither delays what the user first sees."""
        resume_gc()
        self.set_timer(WARM_AFTER, self.saver.warm, name="warm")

    def tick(self) -> None:
        """Show the clock as it is now, alert on a crossed level, and plan the next tick."""
        if core_clock.settle(self.session, self.clock.now()):
            self.saver.changed()  # events in the future (a clock set back) now say what was shown
        state = self.clock_state()
        for screen in self.screen_stack:
            if isinstance(screen, ClockView) and screen.is_mounted:
                screen.show_clock(state)
        alert = self.alerts.check(state)
        if alert is not None:
            self.alert(alert)
        if self._tick_timer is not None:
            self._tick_timer.stop()
        self._tick_timer = self.set_timer(next_tick_delay(state), self.tick, name="clock-tick")

    def alert(self, kind: str) -> None:
        """A flash on the clock, and the bell unless it is muted."""
        for screen in self.screen_stack:
            if isinstance(screen, ClockView) and screen.is_mounted:
                screen.flash()
        if self.session.settings.bell:
            self.bell()

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """A notification with literal text (user text is never markup). The wall view stays clean: there
        only errors are shown (the clock itself shows what a key did)."""
        notify.say(self, message, severity=severity, timeout=timeout)

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
        if self.saver.worker_changed(event):
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

    # -- actions (the commands in run/commands.py) ------------------------------------------------------

    def action_wall(self) -> None:
        from c2c_tui.tui.run.wall import WallScreen

        if isinstance(self.screen, WallScreen):
            self.screen.dismiss()
        else:
            self.push_screen(WallScreen(self.context))

    def _offer_review(self) -> None:
        if self.session.workshop.after is None:
            return  # not a follow-on workshop: nothing to carry (and the review is not imported)
        from c2c_tui.tui.run.review_screen import offer

        message, changed = offer(self.context)
        if changed:
            self.post_message(SessionChanged("review"))
        if message:
            self.say(message, timeout=15)

    def action_since_last_time(self) -> None:
        from c2c_tui.tui.run.review_screen import SinceLastTimeScreen

        if isinstance(self.screen, SinceLastTimeScreen):
            self.screen.dismiss()
        else:
            self.push_screen(SinceLastTimeScreen(self.context))

    def action_setup(self) -> None:
        from c2c_tui.core.followup.series_file import default_areas
        from c2c_tui.core.setup import apply_setup
        from c2c_tui.tui.run.live_setup import LiveSetupScreen
        from c2c_tui.tui.setup.setup_screen import SetupScreen

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

        areas = default_areas(self.session_file.path.parent)
        self.push_screen(LiveSetupScreen(self.session, self.clock_state, areas), apply)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the set-up form is open, the clicker and quit keys wait: they must not move the workshop
        on, or quit and lose the form, behind the facilitator's back."""
        return not (action in SETUP_BLOCKS and isinstance(self.screen, HoldsRunKeys))

    def action_help(self) -> None:
        from c2c_tui.tui.run.help import HelpScreen

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

    def on_signal(self, signum: int) -> None:
        """SIGTERM / SIGHUP: save everything and quit (Textual then restores the terminal)."""
        if self.stopped_by is None:
            self.stopped_by = signal.Signals(signum)
            after_input_read(self, self._quit_saved)  # what the terminal sent before the signal is read first

    async def action_quit(self) -> None:
        """Every way to quit (the palette's Quit too) saves first."""
        self.action_quit_saved()

    def action_quit_saved(self) -> None:
        """Quit with everything saved, once the keys typed before have been handled (``after_typed``)."""
        after_typed(self, self._quit_saved)

    def _quit_saved(self) -> None:
        """Quit with everything saved, the capture line's unentered text kept as the draft the next start
        restores. If saving fails, say so; a second ctrl+q quits anyway (a signal quits at once)."""
        if keep_draft(self.session, self.run_screen.capture_line()):
            self.saver.changed()
        problem = self.saver.save_now() if self.saver.unsaved else None
        if self.stopped_by is not None:
            self.exit(return_code=1 if problem else 0)
            return
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
