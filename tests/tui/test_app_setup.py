"""F3 opens the set-up form inside the run app; its result is applied to the live session."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, screen_text, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.tui.setup.setup_screen import SetupScreen

pytestmark = pytest.mark.usefixtures("steady")


async def test_f3_opens_the_set_up_and_page_keys_wait_while_it_is_open(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", "f3")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("pagedown", "ctrl+q")
        await pilot.pause()
        assert app.current_phase == "rapport"  # the clicker did not move the workshop on
        assert app.is_running and isinstance(app.screen, SetupScreen)


async def test_an_edited_set_up_is_applied_and_saved(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        edited = app.session.model_copy(deep=True)
        edited.title = "Renamed [bold]workshop[/]"
        screen.dismiss(edited)
        await pilot.pause()
        assert app.session.title == "Renamed [bold]workshop[/]"
        assert "Renamed [bold]workshop[/]" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.load(app.session_file.path).title == "Renamed [bold]workshop[/]"
