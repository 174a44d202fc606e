"""``c2c follow PATH``: a read-only presenter display of a session that ``c2c run`` writes elsewhere.

The file is polled four times a second (and looked at once on Linux when it is saved) by one long-lived
thread (``core.reading.watch_thread``: a slow shared folder never freezes the display), which stats it,
parses it only when it changed and posts a message only when there is news: read-only, never the lock, never a write. The clock is derived from
the last good session's clock log and the injected clock on every second, so it keeps ticking between
changes and while the file is missing or half-synced (a banner then says what it is waiting for).

No key changes anything: there is no input, no command palette, and the only bindings quit.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message

from c2c_tui.core import clock as core_clock
from c2c_tui.core.clock import Clock, SystemClock
from c2c_tui.core.clock.alerts import AlertWatch, next_tick_delay
from c2c_tui.core.model import Session
from c2c_tui.core.reading.watch import FileWatcher, WatchResult
from c2c_tui.core.reading.watch_thread import WatchThread
from c2c_tui.core.zone import session_zone
from c2c_tui.tui.follow.follow_screen import FollowScreen
from c2c_tui.tui.neutral_filter import NeutralScreen
from c2c_tui.tui.themes import use_default_theme

POLL_SECONDS = 0.25
STOP_SECONDS = 0.5  # at quit, how long to wait for a look at the file under way (the thread is a daemon)


class FollowApp(NeutralScreen, App[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["../c2c.tcss", "follow.tcss"]
    TITLE = "c2c follow"
    ENABLE_COMMAND_PALETTE = False  # nothing to command; and no screenshots written by a web viewer
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Stop following (the session is not affected)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self, path: str | os.PathLike[str], clock: Clock | None = None, poll_seconds: float = POLL_SECONDS
    ):
        super().__init__()
        self.path = Path(path)
        self.watcher = FileWatcher(self.path)
        self.clock: Clock = clock or SystemClock()
        self.poll_seconds = poll_seconds
        self.alerts = AlertWatch()
        self.updated: str = ""  # local time the file last changed (as seen here)
        self._session: Session | None = None  # what is shown: set on the UI thread only
        self.reason = ""  # why the display waits, or ""
        self._shown_reason: str | None = None
        self._tick_timer: Any = None
        self.watch_thread = WatchThread(self.watcher, self._deliver, interval=poll_seconds, name="c2c-follow")
        use_default_theme(self)

    # -- state (the same names as the facilitator app, so its widgets and habits carry over) ----------

    @property
    def session(self) -> Session | None:
        """The last good session read from the file (None until one was read)."""
        return self._session

    @property
    def follow_screen(self) -> FollowScreen | None:
        """The display (None while the app starts or shuts down)."""
        return next((s for s in self.screen_stack if isinstance(s, FollowScreen) and s.is_mounted), None)

    def get_default_screen(self) -> FollowScreen:
        return FollowScreen(shown_path(self.path))

    def on_follow_screen_ready(self, message: FollowScreen.Ready) -> None:
        self.call_after_refresh(self.show_all)

    def on_mount(self) -> None:
        self.watch_thread.start()  # its first look at once, then every poll_seconds

    def on_unmount(self) -> None:
        self.watch_thread.stop(STOP_SECONDS)

    # -- following the file -----------------------------------------------------------------------------

    class FileRead(Message):
        """The watch thread found news: a new session, a reason to wait, or the end of a wait."""

        def __init__(self, result: WatchResult) -> None:
            super().__init__()
            self.result = result

    def _deliver(self, result: WatchResult) -> None:
        """On the watch thread: hand the news to the app's thread (``post_message`` is thread-safe)."""
        try:
            self.post_message(self.FileRead(result))
        except RuntimeError:  # the event loop has just closed: the app is gone, nothing to show it on
            self.watch_thread.stop(0)

    def on_follow_app_file_read(self, message: FileRead) -> None:
        self.apply(message.result)

    def apply(self, result: WatchResult) -> None:
        """Take in what a poll found (a new session, the same, or a reason to wait) and show it."""
        self._session = result.session
        self.reason = result.reason if result.waiting else ""
        if result.status == "ok":
            zone = session_zone(result.session) if result.session is not None else None
            self.updated = self.clock.now().astimezone(zone).strftime("%H:%M:%S")
            self.show_all()
        elif result.status == "waiting" or self._shown_reason:
            self.show_banner()

    def show_all(self) -> None:
        """Everything on the screen from the app's state (also once the screen says it is ready)."""
        self.tick()
        screen = self.follow_screen
        if screen is None:
            return
        if self._session is not None:
            screen.show_items(self._session)
        self.show_banner()

    def show_banner(self) -> None:
        screen = self.follow_screen
        if screen is None:
            return
        self._shown_reason = self.reason
        screen.show_waiting(self.reason, self._session is not None)
        screen.show_status(self._session.title if self._session else "", self.updated)

    # -- the clock ----------------------------------------------------------------------------------------

    def tick(self) -> None:
        """Show the clock as it is now and plan the next tick on the next whole second shown."""
        if self._tick_timer is not None:
            self._tick_timer.stop()
        session, screen = self.session, self.follow_screen
        if session is None or screen is None:
            self._tick_timer = self.set_timer(1.0, self.tick, name="follow-tick")
            return
        state = core_clock.state_of(session, self.clock.now())
        screen.show_clock(state, session)
        if self.alerts.check(state) is not None:
            screen.flash()
        self._tick_timer = self.set_timer(next_tick_delay(state), self.tick, name="follow-tick")


def shown_path(path: Path, limit: int = 48) -> str:
    """The path as given, or its last two parts when that is long (the name must stay readable)."""
    text = str(path)
    if len(text) <= limit or len(path.parts) < 3:
        return text
    return os.path.join("…", *path.parts[-2:])


def make_follow_app(
    path: str | os.PathLike[str], *, clock: Clock | None = None, poll_seconds: float = POLL_SECONDS
) -> FollowApp:
    """The read-only follow display of the session file at ``path`` (the CLI and the tests build it so)."""
    return FollowApp(path, clock=clock, poll_seconds=poll_seconds)


def run_follow(path: str | os.PathLike[str]) -> int:
    """``c2c follow PATH``: run the display until the user quits. The file need not exist yet."""
    make_follow_app(path).run()
    return 0


__all__ = ["FollowApp", "make_follow_app", "run_follow"]
