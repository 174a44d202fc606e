"""What an app asks of its screens, typed: the seam between the app's clock tick and the screens that
show the clock, and the markers the app reads instead of class names.

A screen that shows the clock implements ``ClockView``; the tick finds them with ``isinstance``, so renaming
``show_clock`` or ``flash`` is a type error, not a silently stopped clock. The markers are empty mixins,
so the app can ask ``isinstance(screen, ErrorsOnly)`` without importing the (lazily loaded) screen.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from c2c_tui.core.clock import ClockState


@runtime_checkable
class ClockView(Protocol):
    def show_clock(self, state: ClockState) -> None: ...

    def flash(self) -> None: ...


class ErrorsOnly:
    """Marker: on this screen only error notifications are shown (the wall view)."""


class HoldsRunKeys:
    """Marker: while this screen is on top, the clicker and quit keys wait (the set-up form)."""
