"""``say``: every notification of the c2c apps, with literal text (user text and file names are never
markup, and pass through ``core.text.neutral.shown``, so no control character reaches the terminal). Quiet where the screen on top asks for errors only (the wall view: the clock itself shows what a
key did).
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.screen_roles import ErrorsOnly


def say(app: App[Any], message: str, *, severity: str = "information", timeout: float | None = None) -> None:
    if severity != "error" and isinstance(app.screen, ErrorsOnly):
        return
    app.notify(shown(message, lines=True), markup=False, severity=severity, timeout=timeout)  # type: ignore[arg-type]
