"""The set-up during a live workshop (F3): the set-up form with the clock on a line above it.

The run app's keys keep their meaning here: F5 starts and pauses the clock, F6-F9 change the time,
F4 the bell, F2 the wall view. So here ctrl+PageDown / ctrl+PageUp go to the next / previous section
(F2-F6 outside the run app; alt+digits are no choice: terminals and keyboards turn them into characters
such as ¢), and the tabs are named without keys.
The app's tick shows the clock (``ClockView``); PageUp/PageDown and quit still wait while the form is
open (the app's ``check_action``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import TabbedContent

from c2c_tui.core.assessment_rows import AssessmentArea
from c2c_tui.core.clock import ClockState
from c2c_tui.core.model import Session
from c2c_tui.tui.setup.setup_screen import SetupScreen
from c2c_tui.tui.widgets.clock_line import ClockLine

LIVE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("workshop", "Workshop"),
    ("teams", "Teams"),
    ("people", "People"),
    ("agenda", "Agenda"),
    ("before", "Before the day"),
    ("assessment", "Pre-work"),
    ("proposal", "Proposal"),
)


class LiveSetupScreen(SetupScreen):
    SECTION_LABELS = LIVE_SECTIONS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+pagedown", "live_section(1)", "Section", key_display="^PgDn", priority=True),
        Binding("ctrl+pageup", "live_section(-1)", "Previous section", show=False, priority=True),
    ]

    def __init__(
        self,
        session: Session,
        clock_state: Callable[[], ClockState],
        areas: Sequence[AssessmentArea] | None = None,
    ) -> None:
        super().__init__(session, areas=areas)
        self.clock_state = clock_state  # the clock as it is now, for the first frame (then the app's tick)

    def on_mount(self) -> None:
        self.show_clock(self.clock_state())

    def compose(self) -> ComposeResult:
        yield ClockLine(ready_word="READY · F5 starts", id="setup-clock")
        yield from super().compose()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F2-F6 are the run app's here: the set-up's own F-key sections give way to them."""
        return action != "section"

    def action_live_section(self, step: int) -> None:
        names = [name for name, _ in LIVE_SECTIONS]
        active = self.query_one(TabbedContent).active.removeprefix("tab-")
        index = names.index(active) if active in names else 0
        self.action_section(names[(index + step) % len(names)])

    def show_clock(self, state: ClockState) -> None:
        self.query_one(ClockLine).show(state)

    def flash(self) -> None:
        self.query_one(ClockLine).flash()
