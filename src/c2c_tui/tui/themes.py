"""The projector theme: black background, white text, yellow warning, red danger (the default).

Textual's own themes stay selectable from the command palette ("Theme"); ``TEXTUAL_THEME`` in the
environment wins over the default. The clock's states are words as well as colours, so a theme (or
``NO_COLOR``, which Textual turns into monochrome) never hides a state.
"""

from __future__ import annotations

import os

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
