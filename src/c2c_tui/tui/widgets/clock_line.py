"""The clock on one line, for a screen that covers the run screen during a live workshop (the set-up):
the phase, the state word and the time left, what comes next, the end and the time of day.

The same words and CSS classes as the big clock (``clock_words``: never colour alone), and ``flash()``.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from c2c_tui.core.clock import ClockState
from c2c_tui.core.clock.status import local_hhmm, zone_suffix
from c2c_tui.core.phases import phase

from .big_clock import STATE_CLASSES, clock_words, flash_once, shown_digits


def line_text(state: ClockState, ready_word: str = "READY") -> Text:
    word, _ = clock_words(state, ready_word)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f" {word} {shown_digits(state)} ", style="bold reverse")
    text.append(f"  {phase(state.phase).short}", style="bold")
    if state.next_phase is not None and state.state != "finished":
        text.append(f" · next {phase(state.next_phase).short}")
    ends, now = local_hhmm(state.projected_finish, state.zone), local_hhmm(state.now, state.zone)
    text.append(f" · ends {ends} · now {now}{zone_suffix(state)}")
    return text


class ClockLine(Widget):
    """``show(state)`` on every tick; repaints only when the line changes."""

    DEFAULT_CSS = """
    ClockLine { height: 1; padding: 0 1; text-style: bold; }
    ClockLine.-warning { color: $warning; }
    ClockLine.-danger, ClockLine.-overtime { color: $error; }
    ClockLine.-paused { color: $secondary; }
    ClockLine.-finished { color: $success; }
    ClockLine.-flash { background: $warning; color: $background; }
    """

    def __init__(self, *, ready_word: str = "READY", id: str | None = None) -> None:
        super().__init__(id=id)
        self.ready_word = ready_word
        self._text: Text | None = None
        self._flash_timer = None

    def show(self, state: ClockState) -> None:
        _, level_class = clock_words(state, self.ready_word)
        for name in STATE_CLASSES:
            self.set_class(name == level_class, name)
        text = line_text(state, self.ready_word)
        if self._text is None or text.plain != self._text.plain:
            self._text = text
            self.refresh()

    def flash(self) -> None:
        self._flash_timer = flash_once(self, self._flash_timer)

    def render(self) -> Text:
        return self._text if self._text is not None else Text("")
