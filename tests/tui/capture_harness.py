"""A tiny app for the capture-ui tests: CaptureBar + WorkArea on a Session with a core Editor.

It does what the run screen does with ``CaptureBar.Submitted`` (add through ``app.editor``, refresh the
work area) and counts ``SessionChanged``, without depending on the real app.
"""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import App, ComposeResult
from textual.widgets import Input

from c2c_tui.core.capture.editor import Editor
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.model import Participant, PhaseId, Session, Team
from c2c_tui.tui.run import focus
from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.messages import SessionChanged
from c2c_tui.tui.run.work.area import WorkArea

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def sample_session() -> Session:
    return Session(
        title="Keeping cool",
        teams=[
            Team(id="athens", name="Athens Resilience Office", role="seeking"),
            Team(id="seville", name="Seville City Council", role="advisor"),
            Team(id="rotterdam", name="Rotterdam Climate Team", role="advisor"),
        ],
        participants=[
            Participant(id="p1", name="Maria Papadopoulou", team="athens"),
            Participant(id="p2", name="Javier Ruiz", team="seville"),
        ],
    )


class CaptureApp(App[None]):
    AUTO_FOCUS = "#capture"  # as the run screen does

    def __init__(self, session: Session | None = None, phase: PhaseId = "insights") -> None:
        super().__init__()
        self.session = session or sample_session()
        self.editor = Editor(self.session)
        self.clock = FakeClock(START)
        self.current_phase: PhaseId = phase
        self.changes: list[str] = []

    def compose(self) -> ComposeResult:
        yield WorkArea(self)
        yield CaptureBar()

    def on_mount(self) -> None:
        self.set_phase(self.current_phase)
        capture = self.query_one("#capture", Input)
        capture.cursor_blink = False  # steady snapshots
        capture.focus()

    def set_phase(self, phase: PhaseId) -> None:
        self.current_phase = phase
        self.query_one(CaptureBar).set_context(phase, self.session.teams, self.session.participants)
        self.query_one(WorkArea).show(self.session, phase)

    def on_capture_bar_submitted(self, message: CaptureBar.Submitted) -> None:
        self.editor.add_capture(message.capture, self.current_phase, self.clock.now())
        self.query_one(WorkArea).show(self.session, self.current_phase)
        self.changes.append("capture")

    def on_session_changed(self, message: SessionChanged) -> None:
        self.changes.append(message.what)

    def on_capture_bar_to_list(self, message: CaptureBar.ToList) -> None:
        focus.to_list(self, message)  # as the run screen does

    def on_work_area_to_capture(self, message: WorkArea.ToCapture) -> None:
        focus.to_capture(self, message)


def screen_text(app: App[object]) -> str:
    """What the terminal shows now, as plain text (the active screen)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def cells(table: object, item_id: str) -> list[str]:
    """The plain text of a table row."""
    return [cell.plain for cell in table.get_row(item_id)]  # type: ignore[attr-defined]


async def type_line(pilot: object, line: str) -> None:
    """Type into the focused widget and press Enter."""
    await pilot.press(*line, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
