"""The workshop clock: the event log and the state derived from it (``log``), the agenda and its
templates (``agenda``), the one-look status (``status``), when to alert (``alerts``), Part 2's turns
(``turns``) and how its times are shown (``formats``).

The front re-exports the event-log names callers use (``from c2c_tui.core import clock``); the other parts
are imported by their own module name.
"""

from .formats import format_clock, format_remaining, time_of_day, to_minute
from .log import (
    ClockState,
    PhaseTiming,
    RunState,
    append_event,
    derive,
    extend,
    finish,
    go_to,
    next_phase,
    previous_phase,
    settle,
    state_of,
    toggle,
)
from .sources import Clock, FakeClock, SystemClock

__all__ = [
    "Clock",
    "ClockState",
    "FakeClock",
    "PhaseTiming",
    "RunState",
    "SystemClock",
    "append_event",
    "derive",
    "extend",
    "finish",
    "format_clock",
    "format_remaining",
    "go_to",
    "next_phase",
    "previous_phase",
    "settle",
    "state_of",
    "time_of_day",
    "to_minute",
    "toggle",
]
