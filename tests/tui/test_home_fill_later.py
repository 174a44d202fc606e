"""A big folder's home screen: the first frame comes before the list (its heading says it is reading the
sessions), the list is filled right after it and reads as a small folder's does, and a key pressed
before it is filled is held and works on the filled list, in order.

``FILL_LATER`` is lowered to 3 here, so the fixture's five files count as a big folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from home_support import FOLDER, folder, home, screen_text, steady, table_rows  # noqa: F401

from c2c_tui.tui.home import home_screen
from c2c_tui.tui.home.home_screen import HomeScreen

pytestmark = pytest.mark.usefixtures("folder")


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(home_screen, "FILL_LATER", 3)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch, big: None) -> list[HomeScreen]:
    """The fill after the first frame does not come by itself: the test fills the list when it wants."""
    waiting: list[HomeScreen] = []
    monkeypatch.setattr(HomeScreen, "_fill", lambda self: waiting.append(self), raising=True)
    return waiting


ORIGINAL_FILL = HomeScreen._fill  # taken before the fixture replaces it


def fill(waiting: list[HomeScreen]) -> None:
    """The fill the screen asked for after its first frame, now."""
    (screen,) = waiting
    ORIGINAL_FILL(screen)


async def test_the_first_frame_says_it_is_reading_then_the_list_is_as_in_a_small_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = home(FOLDER)
    async with small.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        as_small = screen_text(small)
    assert "4 sessions · 1 broken file" in as_small
    waiting: list[HomeScreen] = []
    monkeypatch.setattr(home_screen, "FILL_LATER", 3)
    monkeypatch.setattr(HomeScreen, "_fill", lambda self: waiting.append(self))
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "c2c workshops · reading the sessions… · sessions" in text
        assert table_rows(app) == []
        assert "No sessions here yet" not in text  # not said of a folder not read yet
        fill(waiting)
        await pilot.pause()
        assert screen_text(app) == as_small


@pytest.mark.parametrize(
    ("keys", "result"),
    [
        (["enter"], ("run", Path("sessions/oslo-rain.toml"))),
        (["down", "down", "enter"], ("run", Path("sessions/lyon-heat.toml"))),
        (["end", "up", "enter"], ("run", Path("sessions/undated.toml"))),
        (["q"], None),
    ],
)
async def test_keys_pressed_before_the_list_is_filled_work_on_it_in_order(
    held: list[HomeScreen], keys: list[str], result: Any
) -> None:
    app = home(FOLDER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert app.is_running and app.return_value is None  # nothing acted on an empty list
        fill(held)
        for _ in range(40):
            await pilot.pause(0.05)
            if not app.is_running:
                break
    assert app.return_value == result


async def test_a_big_folder_fills_its_list_by_itself(big: None) -> None:
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end")
        for _ in range(40):
            await pilot.pause(0.05)
            if "broken file" in screen_text(app):
                break
        await pilot.pause()
        assert len(table_rows(app)) == 5
        assert "This file does not load: sessions/zz-broken.toml" in screen_text(app)
