"""The follow screen: what the room sees of a session run elsewhere. Nothing on it can change the session.

The same display widgets as the run screen (phase and questions, big clock with the plan, agenda strip),
then the latest items of the current phase, a banner while the file is missing or invalid, and one line
saying which file is followed, read-only.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from c2c_tui.core.clock import ClockState
from c2c_tui.core.model import PhaseId, Session
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.follow.latest_items import LatestItems
from c2c_tui.tui.widgets.big_clock import BigClock
from c2c_tui.tui.widgets.clock_band import clock_band, show_band
from c2c_tui.tui.widgets.phase_header import PhaseHeader


class FollowClock(BigClock):
    """The big clock without the facilitator's key hint (nobody here can press F5)."""

    READY_WORD = "NOT STARTED YET"


class FollowScreen(Screen[None]):
    class Ready(Message):
        """The screen is mounted: the app can show everything it has (it decides what and when)."""

    def __init__(self, path_shown: str) -> None:
        super().__init__(id="follow")
        self.path_shown = path_shown
        self.phase_id: PhaseId | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="follow-waiting", markup=False)
        yield from clock_band(FollowClock(id="clock"))
        yield LatestItems(id="latest")
        yield Static("", id="follow-status", markup=False)

    def on_mount(self) -> None:
        self.post_message(self.Ready())

    def show_clock(self, state: ClockState, session: Session) -> None:
        show_band(self, state)
        if state.phase != self.phase_id:
            self.phase_id = state.phase
            self.query_one(PhaseHeader).show(state.phase)
            self.show_items(session)

    def show_items(self, session: Session) -> None:
        if self.phase_id is not None:
            self.query_one(LatestItems).show(session, self.phase_id)

    def show_waiting(self, reason: str, have_session: bool) -> None:
        banner = self.query_one("#follow-waiting", Static)
        if not reason:
            banner.update("")  # empty at once, before the layout that hides it
            banner.display = False
            return
        text = Text(shown(f" waiting for {self.path_shown}: "), style="bold")
        text.append(shown(reason))
        if have_session:
            text.append("  (showing the last good version)")
        banner.update(text)
        banner.display = True

    def show_status(self, title: str, updated: str) -> None:
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(shown(f"following {self.path_shown} · read-only"), style="bold")
        if updated:
            line.append(f" · updated {updated}")
        line.append(" · q quits", style="dim")
        if title:
            line.append("  ·  ")
            line.append(shown(title), style="bold")
        self.query_one("#follow-status", Static).update(line)

    def flash(self) -> None:
        self.query_one(BigClock).flash()
