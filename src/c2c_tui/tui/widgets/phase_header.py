"""The phase in words and its guiding questions, large enough to read from the back of the room."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from c2c_tui.core.model import PhaseId
from c2c_tui.core.phases import phase


def title_text(phase_id: PhaseId) -> Text:
    return Text(phase(phase_id).title.upper(), style="bold")


def questions_text(phase_id: PhaseId) -> Text:
    text = Text()
    for number, question in enumerate(phase(phase_id).questions):
        if number:
            text.append("\n")
        text.append("» " + question, style="bold")
    return text


class PhaseHeader(Vertical):
    """Phase title (upper case) over the guiding questions, one per line."""

    DEFAULT_CSS = """
    PhaseHeader { height: auto; padding: 0 1; }
    PhaseHeader > Static { height: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.phase_id: PhaseId | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="phase-title", markup=False)
        yield Static("", id="phase-questions", markup=False)

    def show(self, phase_id: PhaseId) -> None:
        if phase_id != self.phase_id:
            self.phase_id = phase_id
            self.query_one("#phase-title", Static).update(title_text(phase_id))
            self.query_one("#phase-questions", Static).update(questions_text(phase_id))
