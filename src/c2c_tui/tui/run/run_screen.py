"""The main screen: phase and questions, the big clock with the plan beside it, the agenda strip, the
current phase's items, the capture line (focused), the status line and the footer.

The screen decides, widgets show: the app calls ``show_clock`` on every tick and ``show_items`` after a
change; a capture from the capture line becomes an item here (through the run context's editor) and a
SessionChanged. It is handed the run context (``run/context.py``) and hands it on to the work area.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.css.query import NoMatches
from textual.screen import Screen

from c2c_tui.core.capture.draft import draft_of, entered, history_of, keep_draft
from c2c_tui.core.clock import ClockState
from c2c_tui.core.clock.turns import turn_team
from c2c_tui.core.model import PhaseId
from c2c_tui.tui.run import focus
from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.capture_input import CaptureInput
from c2c_tui.tui.run.context import RunContext
from c2c_tui.tui.run.messages import SessionChanged
from c2c_tui.tui.run.status_line import StatusLine
from c2c_tui.tui.run.work.area import WorkArea
from c2c_tui.tui.widgets.big_clock import BigClock
from c2c_tui.tui.widgets.clock_band import clock_band, show_band
from c2c_tui.tui.widgets.compact_footer import CompactFooter
from c2c_tui.tui.widgets.phase_header import PhaseHeader
from c2c_tui.tui.widgets.plan_info import PlanInfo
from c2c_tui.tui.widgets.turn_line import TurnLine, turn_text


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
        self.turn_id: str | None = None  # the Advisor team whose turn it is (Part 2), as last shown

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's; but before anything has focus (the first frame's footer is composed then: the
        compact footer) in the order they will have once the capture line has it: the keys it binds as
        well first (PgDn: the line scrolls), as Textual orders them by where the focus chain binds them."""
        active = super().active_bindings
        merged = CaptureInput._merged_bindings
        if self.focused is not None or merged is None:
            return active
        first = [key for key in merged.key_to_bindings if key in active]
        return {key: active[key] for key in dict.fromkeys([*first, *active])}

    def compose(self) -> ComposeResult:
        yield from clock_band(BigClock(id="clock"))
        yield TurnLine(id="turn")
        phase = self.context.clock_state().phase  # its class from the start: showing it restyles nothing
        yield WorkArea(self.context, id="work", classes=f"-{phase}")
        yield CaptureBar(phase_now=lambda: self.context.clock_state().phase, id="capture-bar")
        yield StatusLine(id="status")
        yield CompactFooter()

    def on_mount(self) -> None:
        self.show_clock(self.context.clock_state())
        self.show_status()
        session = self.context.session
        self.query_one(CaptureBar).restore(draft_of(session), history_of(session))

    def capture_line(self) -> str:
        """What is typed in the capture line and not entered yet ("" before it is up)."""
        try:
            return self.query_one(CaptureBar).input.value
        except NoMatches:
            return ""

    def show_clock(self, state: ClockState) -> None:
        """Show the clock state; a new phase also changes the header, the items and the capture kind."""
        show_band(self, state)
        self.query_one(CaptureBar).today = state.now.astimezone(state.zone).date()
        if state.phase != self.phase_id:
            self.phase_id = state.phase
            session = self.context.session
            self.query_one(PhaseHeader).show(state.phase)
            self.query_one(CaptureBar).set_context(state.phase, session.teams, session.participants)
            self.show_items()
        self.show_turn(state)

    def show_turn(self, state: ClockState) -> None:
        """Part 2's turn: the line under the band, where the capture line sends a line without #team, and
        the advisor panel's mark (those two only when the turn changes: the capture line stays quick)."""
        session = self.context.session
        turn_line = turn_text(session, state)
        self.query_one(TurnLine).show(turn_line)  # under the band where the plan is hidden (narrow)
        self.query_one(PlanInfo).show_turn(turn_line)
        turn = turn_team(session, state)
        if turn != self.turn_id:
            self.turn_id = turn
            self.query_one(CaptureBar).set_turn(turn)
            self.query_one(WorkArea).show_turn(session, turn)

    def setup_changed(self) -> None:
        """Teams, people or agenda changed: redraw the header, the capture context and the items."""
        self.phase_id = None
        self.turn_id = None
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
        context.editor.add_capture(message.capture, message.phase, context.now())
        entered(context.session, message.line)  # the draft used up, the line in the kept history
        self.show_items()
        self.post_message(SessionChanged("capture"))

    def on_capture_bar_draft_paused(self, message: CaptureBar.DraftPaused) -> None:
        """Typing paused: the line as it is becomes the draft in the file (saved within a moment), so a
        crash does not lose it. On a read-only file nothing is kept (nothing could be written)."""
        message.stop()
        if self.context.session_file.read_only:
            return
        if keep_draft(self.context.session, message.line):
            self.post_message(SessionChanged("draft"))

    def on_capture_bar_to_list(self, message: CaptureBar.ToList) -> None:
        focus.to_list(self, message)

    def on_work_area_to_capture(self, message: WorkArea.ToCapture) -> None:
        focus.to_capture(self, message)
