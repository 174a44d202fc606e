"""The agenda on one line: all five phases, minutes planned (and spent), the current one marked.

``✓`` done (spent/budget minutes: the budget after extends and rebalances, so ``✓ Context 9/9m`` when it
was given 9), ``▶[ ... ]`` current (spent/budget), plain = to come (budget, with the original plan when a
change moved it: ``20→18m``). Marks and brackets, not colour alone. The line shortens itself to fit the
width: units go, then the other phases' names are abbreviated (``Surpr.``), then the current one's, then
the done phases lose their minutes; a phase is always named in words, never numbered.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.widget import Widget

from c2c_tui.core.clock import ClockState, PhaseTiming
from c2c_tui.core.phases import phase

SEPARATOR = " │ "


def _minutes(seconds: float) -> int:
    return math.floor(seconds / 60)


def _piece(timing: PhaseTiming, *, short: bool, unit: str, minutes: bool = True) -> tuple[str, str]:
    """(text, style) of one phase in the strip; ``short=True`` abbreviates its name (``Surpr.``)."""
    info = phase(timing.phase)
    name = info.abbrev if short else info.short
    planned = timing.planned_seconds // 60
    budget = timing.budget_seconds // 60
    if timing.status == "done":
        spent = f" {_minutes(timing.actual_seconds)}/{budget}{unit}" if minutes else ""
        return f"✓ {name}{spent}", "dim"
    if timing.status == "current":
        return f"▶[{name} {_minutes(timing.actual_seconds)}/{budget}{unit}]", "bold reverse"
    plan = f"{planned}→{budget}" if budget != planned else f"{budget}"
    return f"{name} {plan}{unit}", ""


def strip_variants(state: ClockState) -> list[list[tuple[str, str]]]:
    """The strip from most to least verbose."""

    def variant(unit: str, abbreviated: tuple[str, ...], done_minutes: bool = True) -> list[tuple[str, str]]:
        return [
            _piece(t, short=t.status in abbreviated, unit=unit, minutes=done_minutes or t.status != "done")
            for t in state.timings
        ]

    return [
        variant("m", ()),
        variant("", ()),
        variant("", ("done", "todo")),
        variant("", ("done", "todo", "current")),
        variant("", ("done", "todo", "current"), done_minutes=False),
    ]


def strip_text(state: ClockState, width: int) -> Text:
    variants = strip_variants(state)
    chosen = variants[-1]
    for pieces in variants:
        if sum(len(text) for text, _ in pieces) + len(SEPARATOR) * (len(pieces) - 1) <= width:
            chosen = pieces
            break
    line = Text(no_wrap=True, overflow="ellipsis")
    for index, (text, style) in enumerate(chosen):
        if index:
            line.append(SEPARATOR, style="dim")
        line.append(text, style=style)
    return line


class AgendaStrip(Widget):
    DEFAULT_CSS = """
    AgendaStrip { height: 1; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._state: ClockState | None = None
        self._key: tuple[object, ...] = ()

    def show(self, state: ClockState) -> None:
        key = tuple((t.status, t.budget_seconds, _minutes(t.actual_seconds)) for t in state.timings)
        self._state = state
        if key != self._key:
            self._key = key
            self.refresh()

    def render(self) -> Text:
        if self._state is None:
            return Text("")
        return strip_text(self._state, self.content_size.width)
