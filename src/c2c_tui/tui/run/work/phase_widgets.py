"""Each phase's own widgets in the work area (``area.py``), mounted when the phase is first shown, so the
first frame composes only its own phase's: Part 2's advisor panel and line, Part 3's options table, Part 4's
actions table. Once mounted a widget stays (hidden in other phases by the work area's CSS), and they keep
one order above the entry list (``ORDER``), whichever phase came first: the screens look as before.
"""

from __future__ import annotations

from textual.widget import Widget

from .actions_table import ActionsTable
from .advisor_line import AdvisorLine
from .advisor_panel import AdvisorPanel
from .options_table import OptionsTable

PHASE_WIDGETS: dict[str, tuple[tuple[type[Widget], str], ...]] = {
    "insights": ((AdvisorPanel, "advisor-panel"), (AdvisorLine, "advisor-line")),
    "reflect": ((OptionsTable, "options-table"),),
    "agree": ((ActionsTable, "actions-table"),),
}
ORDER: list[type[Widget]] = [AdvisorPanel, AdvisorLine, OptionsTable, ActionsTable]


def phase_of(area: Widget) -> str | None:
    """The phase named by the area's class (``-insights``...), if it has its own widgets."""
    return next((name for name in PHASE_WIDGETS if area.has_class(f"-{name}")), None)


def new_widgets(area: Widget, phase: str | None, turn: str | None) -> list[Widget]:
    """New widgets for ``phase`` that ``area`` does not hold yet (the advisor panel marks ``turn``)."""
    made: list[Widget] = []
    for kind, widget_id in PHASE_WIDGETS.get(phase or "", ()):
        if not area.query(kind):
            widget = kind(id=widget_id)
            if isinstance(widget, AdvisorPanel):
                widget.turn = turn
            made.append(widget)
    return made


def mount_missing(area: Widget, phase: str, turn: str | None, *, before: Widget) -> None:
    """Mount ``phase``'s missing widgets in their place: in ``ORDER``, above ``before`` (the entry list)."""
    for widget in new_widgets(area, phase, turn):
        later = ORDER[ORDER.index(type(widget)) + 1 :]
        place = next((found.first() for kind in later if (found := area.query(kind))), before)
        area.mount(widget, before=place)
