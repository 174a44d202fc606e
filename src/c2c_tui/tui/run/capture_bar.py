"""The quick-capture line: one Input, the kind it will make beside it, and a notes line under it.

Enter parses the line with the current phase, teams and participants. A valid line is posted as
``CaptureBar.Submitted`` and the input is cleared in the same step (``CaptureInput``: keys typed after
Enter start the next line; a multi-line paste gives one entry per line); a ``CaptureError`` is shown in
the notes line and the text stays. Up / Down recall earlier lines. Escape posts ``CaptureBar.ToList``:
the screen moves focus to the item list (the bar does not look for it).
All user text is shown literally (``Text`` objects, never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from c2c_tui.core.capture import Capture, CaptureError, kind_for, on_turn, parse
from c2c_tui.core.model import Participant, PhaseId, Team
from c2c_tui.core.phases import kind_label
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.run.capture_input import CaptureInput

PLACEHOLDER = "Type and Enter · n: c: s: g: e: i: ?: w: k: f: o: a: · #team @name due:YYYY-MM-DD"
HISTORY_SIZE = 100
IDLE_NOTE = "Esc: edit items in the list · ↑: recall the last line"


def describe(capture: Capture, teams: Sequence[Team]) -> Text:
    """One line saying what the capture became, then its notes (warnings)."""
    parts = [f"added {kind_label(capture.kind)}"]
    team = next((t.name for t in teams if t.id == capture.team), None)
    if team:
        parts.append(f"{team} (turn)" if capture.turn else team)
    if capture.person:
        parts.append(("owner " if capture.kind == "action" else "by ") + capture.person)
    if capture.due:
        parts.append(f"due {capture.due.isoformat()}")
    line = Text(shown(" · ".join(parts)))
    for note in capture.notes:
        line.append("  ⚠ " + shown(note), style="bold")
    return line


class CaptureBar(Vertical):
    """The capture line

    ``set_context`` tells it the phase (default kind), the teams and the participants.
    """

    DEFAULT_CSS = """
    CaptureBar { height: auto; }
    CaptureBar > Horizontal { height: auto; }
    CaptureBar #capture { width: 1fr; }
    CaptureBar #capture-kind {
        width: auto; min-width: 12; height: 3; padding: 1 1 0 1;
        color: $accent; text-style: bold;
    }
    CaptureBar #capture-notes { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    CaptureBar #capture-notes.-error { color: $error; text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "to_list", "To the item list (to edit items)", show=False),
        Binding("up", "history(-1)", "Recall the previous line typed", show=False),
        Binding("down", "history(1)", "Recall the next line typed", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """A valid capture line was entered (the input has been cleared)."""

        capture: Capture

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.phase: PhaseId = "rapport"
        self.teams: tuple[Team, ...] = ()
        self.participants: tuple[Participant, ...] = ()
        self.today: date | None = None  # set by the screen from its clock: a past due: date is noted
        self.turn: str | None = None  # Part 2: the team whose turn it is gets a line without #team
        self.history: list[str] = []
        self._history_index: int | None = None  # None: editing a fresh line
        self._draft = ""
        self._shown_kind = ""

    def compose(self) -> ComposeResult:
        line = CaptureInput(self._accept, placeholder=PLACEHOLDER, id="capture", select_on_focus=False)
        line.cursor_blink = False  # a steady cursor: no repaint twice a second while nobody types
        with Horizontal():
            yield line
            yield Static("", id="capture-kind", markup=False)
        yield Static("", id="capture-notes", markup=False)

    def on_mount(self) -> None:
        self._update_kind(self.input.value)
        self.show_note(IDLE_NOTE)

    @property
    def input(self) -> Input:
        return self.query_one("#capture", Input)

    def set_context(
        self, phase: PhaseId, teams: Sequence[Team] = (), participants: Sequence[Participant] = ()
    ) -> None:
        """The phase (default kind) and the teams / people that ``#team`` and ``@name`` match."""
        self.phase = phase
        self.teams = tuple(teams)
        self.participants = tuple(participants)
        if self.is_mounted:
            self._update_kind(self.input.value)

    def set_turn(self, team_id: str | None) -> None:
        """Part 2's turn (set by the screen when it changes): a line without #team goes to that team."""
        if team_id == self.turn:
            return
        self.turn = team_id
        name = next((t.name for t in self.teams if t.id == team_id), None)
        if self.is_mounted:
            self.show_note(IDLE_NOTE if name is None else f"→ {name} (turn): a line without #team goes to it")

    def show_note(self, text: str | Text, *, error: bool = False) -> None:
        notes = self.query_one("#capture-notes", Static)
        notes.update(text if isinstance(text, Text) else Text(shown(text)))
        notes.set_class(error, "-error")

    def _update_kind(self, line: str) -> None:
        kind = kind_for(line, self.phase)
        if kind != self._shown_kind:  # cheap: only touch the label when the kind changes
            self._shown_kind = kind
            self.query_one("#capture-kind", Static).update(Text(f"→ {kind_label(kind)}"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._update_kind(event.value)

    def _accept(self, line: str) -> bool:
        """One line entered (called by the input at that very key): post it, or say why not (it stays)."""
        try:
            capture = parse(line, self.phase, self.teams, self.participants, today=self.today)
            capture = on_turn(capture, self.turn)
        except CaptureError as error:
            self.show_note(str(error), error=True)
            return False
        self._remember(line)
        self.show_note(describe(capture, self.teams))
        self.post_message(self.Submitted(capture))
        return True

    # -- history -----------------------------------------------------------------------------------

    def _remember(self, line: str) -> None:
        if not self.history or self.history[-1] != line:
            self.history.append(line)
            del self.history[:-HISTORY_SIZE]
        self._history_index = None
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._history_index is None:
            if step > 0:
                return
            self._draft = self.input.value
            index = len(self.history) - 1
        else:
            index = self._history_index + step
        if index < 0:
            return
        if index >= len(self.history):
            self._history_index = None
            self._set_line(self._draft)
            return
        self._history_index = index
        self._set_line(self.history[index])

    def restore_draft(self, draft: str) -> None:
        """The line typed but not entered when the app last quit, back in the capture line."""
        self._set_line(draft)
        self.show_note("Restored the line you had not entered when c2c last quit: Enter adds it.")

    def _set_line(self, line: str) -> None:
        self.input.value = line
        self.input.cursor_position = len(line)

    # -- focus --------------------------------------------------------------------------------------

    class ToList(Message):
        """Focus should go to the item list (Escape on the capture line)."""

    def action_to_list(self) -> None:
        self.post_message(self.ToList())

    def focus_input(self) -> None:
        self.input.focus()
