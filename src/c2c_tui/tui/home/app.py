"""The home app: ``c2c`` with no arguments (the home screen) and ``c2c review [DIR]`` (the review screen).

It never runs the facilitator app itself: choosing a session (or the demo) exits with ``("run", path)``
or ``("demo", None)``; ``home.launch.run_home`` runs it and shows the home again. Quitting exits with None.
Time comes from the injected clock (tests pass a FakeClock).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual.app import App
from textual.screen import Screen

from c2c_tui.core.clock import Clock, SystemClock
from c2c_tui.tui import notify
from c2c_tui.tui.home.context import HomeContext
from c2c_tui.tui.neutral_filter import NeutralScreen
from c2c_tui.tui.themes import PROJECTOR, default_theme

Start = Literal["home", "review"]
HomeResult = tuple[Literal["run", "demo"], Path | None]


class HomeApp(NeutralScreen, App[HomeResult | None]):
    TITLE = "c2c"

    def __init__(
        self,
        folder: Path,
        *,
        clock: Clock | None = None,
        start: Start = "home",
        message: str | None = None,
        severity: str = "information",
        select: Path | None = None,
    ) -> None:
        super().__init__()
        self.context = HomeContext(Path(folder), clock or SystemClock())
        self.start = start
        self.message = message
        self.severity = severity
        self.select = select
        self.register_theme(PROJECTOR)
        self.theme = default_theme()

    def get_default_screen(self) -> Screen[None]:
        if self.start == "review":
            from c2c_tui.tui.home.review import ReviewScreen

            return ReviewScreen(self.context, standalone=True)
        from c2c_tui.tui.home.home_screen import HomeScreen

        return HomeScreen(self.context, select=self.select)

    def on_mount(self) -> None:
        if self.message:
            self.say(self.message, severity=self.severity, timeout=12)

    async def action_quit(self) -> None:
        """ctrl+q: quit, unless a set-up being edited has changes (they would be lost without asking)."""
        from c2c_tui.tui.setup.setup_screen import SetupScreen

        if any(isinstance(screen, SetupScreen) and screen.changed for screen in self.screen_stack):
            self.say("The set-up has unsaved changes: ctrl+s saves them, Escape leaves it; then quit.")
            return
        self.exit(None)

    def on_unmount(self) -> None:
        self.release_files()

    def release_files(self) -> None:
        """Unlock every session still open for editing (the app is closing)."""
        self.context.release_files()

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """A notification with literal text (user text and file names are never markup)."""
        notify.say(self, message, severity=severity, timeout=timeout)
