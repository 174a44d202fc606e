"""The wall view: the guiding question and the clock, as big as the terminal allows.

Any key (or a click) returns to the main screen, except the clock and clicker keys (F5, PageDown,
PageUp, the minute keys ...), which keep working here.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from c2c_tui.core.clock import ClockState
from c2c_tui.tui.run.commands import WALL_KEYS
from c2c_tui.tui.run.context import RunContext
from c2c_tui.tui.screen_roles import ErrorsOnly
from c2c_tui.tui.widgets.big_clock import BigClock
from c2c_tui.tui.widgets.phase_header import PhaseHeader


class WallScreen(ErrorsOnly, Screen[None]):
    """Only errors are notified here (``ErrorsOnly``): the clock itself shows what a key did."""

    def __init__(self, context: RunContext) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        yield PhaseHeader(id="wall-phase")
        yield BigClock(id="wall-clock")
        yield Static("any key returns", id="wall-hint", markup=False)

    def on_mount(self) -> None:
        self.show_clock(self.context.clock_state())

    def show_clock(self, state: ClockState) -> None:
        self.query_one(PhaseHeader).show(state.phase)
        self.query_one(BigClock).show(state)

    def flash(self) -> None:
        self.query_one(BigClock).flash()

    def on_key(self, event: events.Key) -> None:
        if event.key in WALL_KEYS:
            return  # the app's binding handles it
        event.stop()
        event.prevent_default()
        self.dismiss()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.dismiss()
