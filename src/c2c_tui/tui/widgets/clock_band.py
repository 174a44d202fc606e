"""The clock band both the run screen and the follow screen compose: the phase header, the big clock with
the plan beside it (``#band``), and the agenda strip; ``show_band`` shows a clock state on all three.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.widget import Widget

from c2c_tui.core.clock import ClockState

from .agenda_strip import AgendaStrip
from .big_clock import BigClock
from .phase_header import PhaseHeader
from .plan_info import PlanInfo


def clock_band(clock: BigClock) -> Iterator[Widget]:
    """The widgets of the band, in order (``clock`` is the app's own kind of big clock, id ``clock``)."""
    yield PhaseHeader(id="phase")
    yield Horizontal(clock, PlanInfo(id="plan"), id="band")
    yield AgendaStrip(id="agenda")


def show_band(root: DOMNode, state: ClockState) -> None:
    """The clock, the plan and the agenda strip as they are now (the header changes with the phase)."""
    root.query_one(BigClock).show(state)
    root.query_one(PlanInfo).show(state)
    root.query_one(AgendaStrip).show(state)
