"""Each phase's own widgets in the work area (``area.py``), mounted when the phase is first shown, so the
first frame composes only its own phase's: Part 2's advisor panel and line, Part 3's options table, Part 4's
actions table. Once mounted a widget stays (hidden in other phases by the work area's CSS), and they keep
one order above the entry list (``ORDER``), whichever phase came first: the screens look as before.
Their modules are imported then too (``importlib``), so a first frame in Part 4 loads neither Part 2's
panels nor Part 3's options table and its ranking: less to import and to keep in memory.
"""

from __future__ import annotations

from importlib import import_module

from textual.widget import Widget

# phase -> (module in this package, class, widget id) of its own widgets
PHASE_WIDGETS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "insights": (
        ("advisor_panel", "AdvisorPanel", "advisor-panel"),
        ("advisor_line", "AdvisorLine", "advisor-line"),
    ),
    "reflect": (("options_table", "OptionsTable", "options-table"),),
    "agree": (("actions_table", "ActionsTable", "actions-table"),),
}
ORDER: list[str] = ["advisor-panel", "advisor-line", "options-table", "actions-table"]  # top to bottom


def phase_of(area: Widget) -> str | None:
    """The phase named by the area's class (``-insights``...), if it has its own widgets."""
    return next((name for name in PHASE_WIDGETS if area.has_class(f"-{name}")), None)


def widget_class(module: str, name: str) -> type[Widget]:
    """One of the work area's widget classes, its module imported the first time it is asked for."""
    kind: type[Widget] = getattr(import_module(f"{__package__}.{module}"), name)
    return kind


def new_widgets(area: Widget, phase: str | None, turn: str | None) -> list[Widget]:
    """New widgets for ``phase`` that ``area`` does not hold yet (the advisor panel marks ``turn``)."""
    made: list[Widget] = []
    for module, name, widget_id in PHASE_WIDGETS.get(phase or "", ()):
        if not area.query(f"#{widget_id}"):
            widget = widget_class(module, name)(id=widget_id)
            if widget_id == "advisor-panel":
                widget.turn = turn  # type: ignore[attr-defined]
            made.append(widget)
    return made


def mount_missing(area: Widget, phase: str, turn: str | None, *, before: Widget) -> None:
    """Mount ``phase``'s missing widgets in their place: in ``ORDER``, above ``before`` (the entry list)."""
    for widget in new_widgets(area, phase, turn):
        later = ORDER[ORDER.index(widget.id or "") + 1 :]
        place = next((found.first() for widget_id in later if (found := area.query(f"#{widget_id}"))), before)
        area.mount(widget, before=place)
