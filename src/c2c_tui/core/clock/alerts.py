"""When to alert: on entering the warning (or danger) level and at time up, once per crossing.

Pure: ``AlertWatch.check(state)`` says which alert is due. It rings only for a running clock, only on a
change of level within the same phase (opening the app, or moving to a phase already late, is silent).
"""

from __future__ import annotations

import math
from typing import Literal

from c2c_tui.core.clock.log import ClockState

Alert = Literal["warning", "time-up"]
TICK_EPSILON = 0.005  # land just after the second boundary, never just before


class AlertWatch:
    def __init__(self) -> None:
        self._last: tuple[int, str] | None = None

    def check(self, state: ClockState) -> Alert | None:
        last, self._last = self._last, (state.index, state.level)
        if last is None or last[0] != state.index or state.state != "running" or last[1] == state.level:
            return None
        if state.level == "overtime":
            return "time-up"
        if last[1] == "normal" and state.level in ("warning", "danger"):
            return "warning"
        return None


def next_tick_delay(state: ClockState) -> float:
    """Seconds until what the clock shows next changes: the next whole second of the time left while
    running, the next whole second of the wall clock otherwise. Computed from the state, never counted."""
    if state.state == "running":
        fraction = state.remaining_seconds - math.floor(state.remaining_seconds)
    else:
        fraction = 1 - state.now.microsecond / 1_000_000
    return (fraction if fraction > 1e-6 else 1.0) + TICK_EPSILON
