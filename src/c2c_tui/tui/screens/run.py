"""The main screen: phase and questions, the big clock with the plan beside it, the agenda strip, the
current phase's items, the capture line (focused), the status line and the footer.

The screen decides, widgets show: the app calls ``show_clock`` on every tick and ``show_items`` after a
change; a capture from the capture line becomes an item here (``app.editor``) and a SessionChanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from c2c_tui.core.clock import ClockState
from c2c_tui.core.model import PhaseId
from c2c_tui.tui.messages import SessionChanged
from c2c_tui.tui.widgets.agenda_strip import AgendaStrip
from c2c_tui.tui.widgets.big_clock import BigClock
from c2c_tui.tui.widgets.capture_bar import CaptureBar
from c2c_tui.tui.widgets.phase_header import PhaseHeader
from c2c_tui.tui.widgets.plan_info import PlanInfo
from c2c_tui.tui.widgets.status_line import StatusLine
from c2c_tui.tui.widgets.work_area import WorkArea

if TYPE_CHECKING:
    from c2c_tui.tui.app import C2CApp


class RunScreen(Screen[None]):
    AUTO_FOCUS = "#capture"
    # below 64 columns the plan beside the clock goes (c2c.tcss), so the clock keeps its room
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (64, "-wide")]

    def __init__(self) -> None:
        super().__init__(id="run")
        self.phase_id: PhaseId | None = None

    @property
    def c2c(self) -> C2CApp:
        return cast("C2CApp", self.app)

    def compose(self) -> ComposeResult:
        yield PhaseHeader(id="phase")
        with Horizontal(id="band"):
            yield BigClock(id="clock")
            yield PlanInfo(id="plan")
        yield AgendaStrip(id="agenda")
        yield WorkArea(id="work")
        yield CaptureBar(id="capture-bar")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_clock(self.c2c.clock_state())
        self.show_status()

    def show_clock(self, state: ClockState) -> None:
        """Show the clock state; a new phase also changes the header, the items and the capture kind."""
        self.query_one(BigClock).show(state)
        self.query_one(PlanInfo).show(state)
        self.query_one(AgendaStrip).show(state)
        if state.phase != self.phase_id:
            self.phase_id = state.phase
            session = self.c2c.session
            self.query_one(PhaseHeader).show(state.phase)
            self.query_one(CaptureBar).set_context(state.phase, session.teams, session.participants)
            self.show_items()

    def setup_changed(self) -> None:
        """Teams, people or agenda changed: redraw the header, the capture context and the items."""
        self.phase_id = None
        self.show_clock(self.c2c.clock_state())

    def show_items(self) -> None:
        if self.phase_id is not None:
            self.query_one(WorkArea).show(self.c2c.session, self.phase_id)

    def show_status(self) -> None:
        app = self.c2c
        saver = app.saver
        if saver.saved_at is not None:
            saved = "saved " + saver.saved_at.astimezone().strftime("%H:%M:%S")
        else:
            saved = "unsaved changes" if saver.unsaved else "saved"
        if app.session_file.read_only:
            saved = "read-only"
        elif saver.summary_problem:
            saved += " (summary not written)"
        problem = ""
        if saver.problem and app.session_file.read_only:
            problem = f"{saver.problem} · your changes are only in memory"
        elif saver.problem:
            problem = f"{saver.problem} · everything is kept in memory; retrying every few seconds"
        self.query_one(StatusLine).show(
            title=app.session.title, saved=saved, problem=problem, bell=app.session.settings.bell
        )

    def flash(self) -> None:
        self.query_one(BigClock).flash()

    def on_capture_bar_submitted(self, message: CaptureBar.Submitted) -> None:
        message.stop()
        app = self.c2c
        phase = self.phase_id or app.current_phase
        app.editor.add_capture(message.capture, phase, app.clock.now())
        self.show_items()
        self.post_message(SessionChanged("capture"))
