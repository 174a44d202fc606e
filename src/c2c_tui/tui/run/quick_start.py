"""What keeps ``c2c run``'s first frame quick (bench/run.py measures it), with nothing shown differently.

- the garbage collector paused until the first full frame: ``gc_pause.py`` (no textual: imported first).
- ``breakpoint_classes``: the classes Textual gives a screen on its first resize (its
  ``HORIZONTAL_BREAKPOINTS`` and ``VERTICAL_BREAKPOINTS``), worked out from the terminal size so the
  screen can have them before its first layout; the first resize then changes nothing, where it would
  restyle the whole screen.
- ``after_first_frame``: call back once the screen's footer shows its keys and has been painted (the
  compact footer composes them with itself: ``widgets/compact_footer.py``; Textual's own fills in a frame
  later), so later work (``warm``) waits for the full frame.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer

TRIES = 20  # refreshes to wait for the footer's keys at most (it fills in within two or three)


def breakpoint_classes(screen: Screen[object], size: Size) -> set[str]:
    """The breakpoint classes Textual's first resize would give ``screen`` at ``size`` (as in
    ``Screen._on_resize``: the screen's own breakpoints; a screen without them has none here)."""
    classes: set[str] = set()
    for dimension, breakpoints in (
        (size.width, screen.HORIZONTAL_BREAKPOINTS),
        (size.height, screen.VERTICAL_BREAKPOINTS),
    ):
        for at, name in sorted(breakpoints or [], reverse=True):
            if dimension >= at:
                classes.add(name)
                break
    return classes


def after_first_frame(screen: Screen[object], callback: Callable[[], object]) -> None:
    """Call ``callback`` after the refresh that follows the footer's keys being mounted (or after ``TRIES``
    refreshes without them, or at once on a screen without a footer)."""

    def check(left: int) -> None:
        footers = screen.query(Footer)
        if left > 0 and footers and not footers.first().children:
            screen.call_after_refresh(check, left - 1)
        else:
            screen.call_after_refresh(callback)

    screen.call_after_refresh(check, TRIES)
