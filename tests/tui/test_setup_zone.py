"""The workshop's time zone in set-up (issue 14 §1): a new workshop starts with the machine's zone (TZ is
UTC in these tests), an unknown name is explained as you type and blocks saving, and a known one is saved."""

from __future__ import annotations

import pytest
from home_support import FOLDER, folder, home, screen_text, steady  # noqa: F401
from textual.widgets import Input

from c2c_tui.core import store
from c2c_tui.tui.setup.setup_screen import SetupScreen

pytestmark = pytest.mark.usefixtures("folder")


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#setup-status").render())


async def retype(pilot, widget_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#{widget_id}", Input).focus()
    await pilot.press("end", "ctrl+u", *text)
    await pilot.pause()


async def test_a_new_workshops_zone_is_checked_as_typed_and_saved() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Valmora heat")
        await pilot.pause()
        assert app.screen.query_one("#setup-timezone", Input).value == "UTC"  # the machine's
        await pilot.press("f3", "a", *"Valmora City Council", "enter")
        await pilot.pause()
        await retype(pilot, "setup-timezone", "Valmora/Central")
        assert "time zone: 'Valmora/Central' is not a known time zone" in status(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)  # blocked
        assert app.screen.focused is app.screen.query_one("#setup-timezone")
        await retype(pilot, "setup-timezone", "Europe/Madrid")
        assert "Ready" in status(app)
        await pilot.press("f5")
        await retype(pilot, "setup-start", "15:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen)
        await pilot.pause()
        assert "valmora-heat.toml · online · 15:00 Europe/Madrid" in screen_text(app)  # the home list
    assert store.load(FOLDER / "valmora-heat.toml").workshop.timezone == "Europe/Madrid"


async def test_an_emptied_zone_means_the_machines() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Oslo rain two")
        await pilot.press("f3", "a", *"Oslo Water", "enter")
        await pilot.pause()
        await retype(pilot, "setup-timezone", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen)
    assert store.load(FOLDER / "oslo-rain-two.toml").workshop.timezone is None
