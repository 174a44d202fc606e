"""The quick-capture line: one Input, the kind it will make beside it, and a notes line under it.

Enter parses the line with the current phase, teams and participants. A valid line is posted as
``CaptureBar.Submitted`` and the input is cleared in the same step (``CaptureInput``: keys typed after
Enter start the next line; a multi-line paste gives one entry per line); a ``CaptureError`` is shown in
the notes line and the text stays. Up / Down recall earlier lines. Escape posts ``CaptureBar.ToList``:
the screen moves focus to the item list (the bar does not look for it).
When typing pauses for ``draft_pause`` seconds the bar posts ``CaptureBar.DraftPaused`` with the line as it
is, so the screen can keep it as the draft a crash does not lose: one message per pause, never one per
key (a key only notes the time; at most one timer runs). ``restore`` puts back a draft and the history.
All user text is shown literally (``Text`` objects, never markup).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from c2c_tui.core.capture import Capture, CaptureError, kind_for, on_turn, parse
from c2c_tui.core.capture.draft import HISTORY_KEPT
from c2c_tui.core.model import Participant, PhaseId, Team
from c2c_tui.core.phases import kind_label
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.run.capture_input import CaptureInput

PLACEHOLDER = "Type and Enter · n: c: s: g: e: i: ?: w: k: f: o: a: · #team @name due:YYYY-MM-DD"
# Part 4 (actions, then the feedback at the end): its own prefixes first, the feedback ones named
PLACEHOLDERS = {
    "agree": "Enter · a: action · feedback u: 1-5 +: keep -: change · f: offer · #team @name due:"
}
HISTORY_SIZE = HISTORY_KEPT  # Up recalls as many lines within a run as after a restart
DRAFT_PAUSE = 1.0  # seconds without a key before the line is kept as the draft
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
        """A valid capture line was entered (the input has been cleared), in ``phase``: the phase the clock
        was in at that Enter key (a PageDown read right after it has not moved it yet)."""

        capture: Capture
        phase: PhaseId
        line: str  # as typed (for the history)

    @dataclass
    class DraftPaused(Message):
        """Typing paused: ``line`` is the capture line as it is now (kept as the draft)."""

        line: str

    def __init__(
        self,
        *,
        phase_now: Callable[[], PhaseId] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.phase: PhaseId = "rapport"
        self._phase_now = phase_now  # the clock's phase at this very key (the screen hands it in)
        self.teams: tuple[Team, ...] = ()
        self.participants: tuple[Participant, ...] = ()
        self.today: date | None = None  # set by the screen from its clock: a past due: date is noted
        self.turn: str | None = None  # Part 2: the team whose turn it is gets a line without #team
        self.history: list[str] = []
        self._history_index: int | None = None  # None: editing a fresh line
        self._draft = ""
        self._shown_kind = ""
        self.draft_pause = DRAFT_PAUSE
        self._typed_at = 0.0  # time.monotonic() of the last change of the line
        self._draft_timer: Timer | None = None  # the one pending pause check

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
            self.input.placeholder = PLACEHOLDERS.get(phase, PLACEHOLDER)
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
        self._typed_at = time.monotonic()
        if self._draft_timer is None:
            self._draft_timer = self.set_timer(self.draft_pause, self._check_pause, name="draft-pause")

    def _check_pause(self) -> None:
        """The draft timer is up: post the line if typing has paused, else look again when it could have."""
        wait = self._typed_at + self.draft_pause - time.monotonic()
        if wait > 0.01:
            self._draft_timer = self.set_timer(wait, self._check_pause, name="draft-pause")
            return
        self._draft_timer = None
        self.post_message(self.DraftPaused(self.input.value))

    def _accept(self, line: str) -> bool:
        """One line entered (called by the input at that very key): post it, or say why not (it stays)."""
        phase = self.phase if self._phase_now is None else self._phase_now()
        try:
            capture = parse(line, phase, self.teams, self.participants, today=self.today)
            capture = on_turn(capture, self.turn)
        except CaptureError as error:
            self.show_note(str(error), error=True)
            return False
        self._remember(line)
        self.show_note(describe(capture, self.teams))
        self.post_message(self.Submitted(capture, phase, line))
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

    def restore(self, draft: str | None, history: Sequence[str] = ()) -> None:
        """The lines entered before (for Up) and the line typed but not entered when c2c last stopped
        (a quit or a crash), back in the capture line with the cursor at its end."""
        self.history = list(history)[-HISTORY_SIZE:]
        self._history_index = None
        if draft is not None:
            self._set_line(draft)
            self.show_note("Restored the line you had not entered when c2c last stopped: Enter adds it.")

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
