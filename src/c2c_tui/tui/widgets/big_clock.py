"""The big clock: time left in the largest digits that fit, and the state in words under them.

The digits come from ``block_font.fit`` (big half-block glyphs, then a 3-row font, then plain text), so a
small terminal gets a smaller clock, never a clipped one. The state is always a word (READY, TIME LEFT,
WRAP UP, ALMOST UP, OVER, PAUSED, FINISHED) and a CSS class (``-normal`` ... ``-overtime``, ``-paused``) for
colour, so nothing depends on colour alone. ``flash()`` briefly adds ``-flash`` (alerts).
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from c2c_tui.core.clock import ClockState, format_clock, format_remaining

from .block_font import Rendering, fit

STATE_CLASSES = ("-ready", "-normal", "-warning", "-danger", "-overtime", "-paused", "-finished")
FLASH_SECONDS = 1.5


READY_WORD = "READY · F5 starts"


def clock_words(state: ClockState, ready_word: str = READY_WORD) -> tuple[str, str]:
    """(caption word, CSS class) for a clock state: words first, colour second."""
    if state.state == "ready":
        return ready_word, "-ready"
    if state.state == "finished":
        return "FINISHED · TOTAL TIME", "-finished"
    if state.state == "paused":
        return ("PAUSED · OVER" if state.over else "PAUSED"), "-paused"
    words = {"normal": "TIME LEFT", "warning": "WRAP UP", "danger": "ALMOST UP", "overtime": "OVER"}
    return words[state.level], f"-{state.level}"


def shown_digits(state: ClockState) -> str:
    """Time left in the phase; once the workshop has finished, the total time it took."""
    if state.state == "finished":
        return format_clock(sum(timing.actual_seconds for timing in state.timings))
    return format_remaining(state.remaining_seconds)


class BigClock(Widget):
    """Time left (or ``+MM:SS`` over), as big as the widget allows, with the state word beneath."""

    READY_WORD = READY_WORD  # what it says before the start

    DEFAULT_CSS = """
    BigClock { width: 1fr; height: 1fr; content-align: center middle; text-align: center; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.digits = "--:--"
        self.word = ""
        self._level_class = ""
        self._rendering: Rendering | None = None
        self._rendered_for: tuple[int, int] = (0, 0)  # the content size the rendering was fitted to
        self._flash_timer = None

    def show(self, state: ClockState) -> None:
        """Show a clock state; repaints only when what is shown changes."""
        digits = shown_digits(state)
        word, level_class = clock_words(state, self.READY_WORD)
        if level_class != self._level_class:
            if self._level_class:
                self.remove_class(self._level_class)
            self.add_class(level_class)
            self._level_class = level_class
        if (digits, word) != (self.digits, self.word):
            self.digits, self.word = digits, word
            self._rendering = None
            self.refresh()

    def flash(self) -> None:
        """Draw attention for a moment (a CSS class, removed after FLASH_SECONDS)."""
        self._flash_timer = flash_once(self, self._flash_timer)

    def on_resize(self) -> None:
        self._rendering = None

    def rendering(self) -> Rendering:
        """The digits as they fit the widget now (one row kept for the word when there is room)."""
        width, height = self.content_size
        if self._rendering is None or self._rendered_for != (width, height):
            self._rendered_for = (width, height)  # a layout change without a Resize event refits too
            self._rendering = fit(self.digits, width, max(height - 1, 1))
        return self._rendering

    def render(self) -> Text:
        height = self.content_size.height
        rendering = self.rendering()
        if rendering.kind == "plain" or height < rendering.height + 1:
            return Text(f"{self.word}  {self.digits}", style="bold", justify="center", no_wrap=True)
        lines = [line.ljust(rendering.width) for line in rendering.lines]
        text = Text(justify="center", no_wrap=True)
        text.append("\n".join(lines))
        if height >= rendering.height + 2 and rendering.kind == "blocks":
            text.append("\n")
        text.append("\n")
        text.append(f" {self.word} ", style="bold reverse")
        return text


def flash_once(widget: Widget, timer: Timer | None) -> Timer:
    """``widget`` gets the ``-flash`` class for FLASH_SECONDS (a flash under way starts again); the timer
    that ends it. The big clock and the one-line clock flash alike."""
    widget.add_class("-flash")
    if timer is not None:
        timer.stop()
    return widget.set_timer(FLASH_SECONDS, lambda: widget.remove_class("-flash"))
