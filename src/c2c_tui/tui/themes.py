"""The projector theme: black background, white text, yellow warning, red danger (the default).

Textual's own themes stay selectable from the command palette ("Theme"); ``TEXTUAL_THEME`` in the
environment wins over the default. The clock's states are words as well as colours, so a theme (or
``NO_COLOR``, which Textual turns into monochrome) never hides a state.
"""

from __future__ import annotations

import os

from textual.app import App
from textual.theme import Theme

PROJECTOR = Theme(
    name="c2c-projector",
    primary="#5FD7FF",
    secondary="#AFAFAF",
    accent="#FFFFFF",
    warning="#FFFF00",
    error="#FF2020",
    success="#00FF5F",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#262626",
    dark=True,
)


def default_theme() -> str:
    return os.environ.get("TEXTUAL_THEME") or PROJECTOR.name


def use_default_theme(app: App[object]) -> None:
    """Register the projector theme and make the default theme current, from the app's ``__init__``.

    ``app.theme = name`` would also queue a full re-parse of every stylesheet and a restyle of every
    widget, which at start-up repeats the first parse for nothing (10-20 ms). A dark theme is set the
    quiet way Textual offers, ``set_reactive``, with the CSS variables and classes its watcher would set;
    anything else goes the usual way.
    """
    app.register_theme(PROJECTOR)
    name = default_theme()
    theme = app.get_theme(name) if "," not in name else None
    if theme is None or not theme.dark or not app.current_theme.dark:
        app.theme = name  # unknown names fail here as they always did
        return
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())  # nothing is parsed yet: cheap
    stale = {cls: False for cls in app.classes if cls.startswith("-theme-")}
    app.update_classes(
        {**stale, f"-theme-{name}": True, "-dark-mode": True, "-light-mode": False}, update=False
    )
