"""The seams between the apps and their screens are typed and checked, not looked up by name: the clock
reaches every screen that shows it through the ClockView protocol (renaming show_clock or flash breaks this
test, not the clock, silently), and the app reads markers, not class-name strings.
"""

from __future__ import annotations

import inspect

from c2c_tui.tui.run import app as run_app
from c2c_tui.tui.run.run_screen import RunScreen
from c2c_tui.tui.run.wall import WallScreen
from c2c_tui.tui.screen_roles import ClockView, ErrorsOnly, HoldsRunKeys
from c2c_tui.tui.setup.setup_screen import SetupScreen


def test_the_screens_that_show_the_clock_are_clock_views() -> None:
    assert issubclass(RunScreen, ClockView)
    assert issubclass(WallScreen, ClockView)


def test_the_app_reads_markers_not_class_names_or_getattr() -> None:
    assert issubclass(WallScreen, ErrorsOnly) and issubclass(SetupScreen, HoldsRunKeys)
    source = inspect.getsource(run_app)
    assert "__name__ ==" not in source
    assert 'getattr(screen, "show_clock"' not in source and 'getattr(screen, "flash"' not in source
