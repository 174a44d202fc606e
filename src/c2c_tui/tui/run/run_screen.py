"""The main screen: phase and questions, the big clock with the plan beside it, the agenda strip, the
current phase's items, the capture line (focused), the status line and the footer.

The screen decides, widgets show: the app calls ``show_clock`` on every tick and ``show_items`` after a
change; a capture from the capture line becomes an item here (through the run context's editor) and a
SessionChanged. It is handed the run context (``run/context.py``) and hands it on to the work area.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer

from c2c_tui.core.capture.draft import clear_draft, draft_of
from c2c_tui.core.clock import ClockState
from c2c_tui.core.model import PhaseId
from c2c_tui.tui.run import focus
from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.context import RunContext
from c2c_tui.tui.run.messages import SessionChanged
from c2c_tui.tui.run.status_line import StatusLine
from c2c_tui.tui.run.work.area import WorkArea
from c2c_tui.tui.widgets.big_clock import BigClock
from c2c_tui.tui.widgets.clock_band import clock_band, show_band
from c2c_tui.tui.widgets.phase_header import PhaseHeader


class RunScreen(Screen[None]):
    AUTO_FOCUS = "#capture"
    # below 64 columns the plan beside the clock goes (c2c.tcss), so the clock keeps its room
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (64, "-wide")]
    # the band's height per terminal height (c2c.tcss): 5-row digits at 80x24, 7 at 120x36, then growing
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (30, "-mid"), (44, "-tall")]

    def __init__(self, context: RunContext) -> None:
        super().__init__(id="run")
        self.context = context
        self.phase_id: PhaseId | None = None

    def compose(self) -> ComposeResult:
        yield from clock_band(BigClock(id="clock"))
        yield WorkArea(self.context, id="work")
        yield CaptureBar(id="capture-bar")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_clock(self.context.clock_state())
        self.show_status()
        draft = draft_of(self.context.session)
        if draft is not None:
            self.query_one(CaptureBar).restore_draft(draft)

    def capture_line(self) -> str:
        """What is typed in the capture line and not entered yet ("" before it is up)."""
        try:
            return self.query_one(CaptureBar).input.value
        except NoMatches:
            return ""

    def show_clock(self, state: ClockState) -> None:
        """Show the clock state; a new phase also changes the header, the items and the capture kind."""
        show_band(self, state)
        self.query_one(CaptureBar).today = state.now.astimezone().date()
        if state.phase != self.phase_id:
            self.phase_id = state.phase
            session = self.context.session
            self.query_one(PhaseHeader).show(state.phase)
            self.query_one(CaptureBar).set_context(state.phase, session.teams, session.participants)
            self.show_items()

    def setup_changed(self) -> None:
        """Teams, people or agenda changed: redraw the header, the capture context and the items."""
        self.phase_id = None
        self.show_clock(self.context.clock_state())

    def show_items(self) -> None:
        if self.phase_id is not None:
            self.query_one(WorkArea).show(self.context.session, self.phase_id)

    def show_status(self) -> None:
        session = self.context.session
        saved, problem = self.context.saver.status_words()
        self.query_one(StatusLine).show(
            title=session.title, saved=saved, problem=problem, bell=session.settings.bell
        )

    def flash(self) -> None:
        self.query_one(BigClock).flash()

    def on_capture_bar_submitted(self, message: CaptureBar.Submitted) -> None:
        message.stop()
        context = self.context
        phase = self.phase_id or context.clock_state().phase
        context.editor.add_capture(message.capture, phase, context.now())
        clear_draft(context.session)
        self.show_items()
        self.post_message(SessionChanged("capture"))

    def on_capture_bar_to_list(self, message: CaptureBar.ToList) -> None:
        focus.to_list(self, message)

    def on_work_area_to_capture(self, message: WorkArea.ToCapture) -> None:
        focus.to_capture(self, message)
