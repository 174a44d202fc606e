"""Beside the clock: what comes next, when the workshop will end, how far off the plan it is, and the time
of day (the room reads it from the back: no other clock on the screen)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from c2c_tui.core.clock import ClockState
from c2c_tui.core.clock.status import local_hhmm, offset_words, zone_suffix
from c2c_tui.core.phases import phase


def plan_text(state: ClockState) -> Text:
    text = Text()
    budget = state.budget_seconds // 60
    planned = next(t.planned_seconds for t in state.timings if t.phase == state.phase) // 60
    change = budget - planned
    text.append("This part  ", style="dim")
    text.append(f"{budget} min" + (f" ({change:+d})" if change else ""), style="bold")
    text.append("\nNext       ", style="dim")
    if state.state == "finished":
        text.append("nothing, all done", style="bold")
    elif state.next_phase is None:
        text.append("the end", style="bold")
    else:
        upcoming = next(t for t in state.timings if t.phase == state.next_phase)
        text.append(f"{phase(state.next_phase).short} · {upcoming.budget_seconds // 60} min", style="bold")
    ended = state.state == "finished"
    text.append("\nEnded      " if ended else "\nEnds       ", style="dim")
    text.append(local_hhmm(state.projected_finish, state.zone), style="bold")
    if state.state == "ready":
        text.append(" if started now", style="dim")
    else:
        text.append("\n           ")
        text.append(offset_words(state.offset_seconds), style="bold")
    text.append("\nNow        ", style="dim")
    text.append(local_hhmm(state.now, state.zone) + zone_suffix(state), style="bold")
    return text


class PlanInfo(Static):
    """The plan beside the clock; in Part 2 also whose turn it is (``show_turn``: one line under the plan,
    cut rather than wrapped, so the band keeps its height)."""

    DEFAULT_CSS = """
    PlanInfo { width: auto; min-width: 28; height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self._plain = ""
        self._turn: Text | None = None
        self._state: ClockState | None = None

    def show_turn(self, turn: Text | None) -> None:
        """The turn line (or None outside Part 2's turns), shown with the plan from the next ``show`` on."""
        if _plain(turn) != _plain(self._turn):
            self._turn = turn
            if self._state is not None:
                self.show(self._state)

    def show(self, state: ClockState) -> None:
        self._state = state
        text = plan_text(state)
        if self._turn is not None:
            text.append("\n")
            text.append_text(self._turn)
        text.no_wrap, text.overflow = True, "ellipsis"
        if text.plain != self._plain:
            self._plain = text.plain
            self.update(text)


def _plain(text: Text | None) -> str | None:
    return None if text is None else text.plain
