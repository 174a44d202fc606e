"""The home screen and the session review over a folder with its index: the same rows and details as from
the files, no session read in full until one is opened, and the opened one's summary from its file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from home_support import FOLDER, folder, home, screen_text, steady, table_rows  # noqa: F401
from textual.widgets import Markdown

from c2c_tui.core.followup import library
from c2c_tui.core.followup.folder_index import INDEX_FILE
from c2c_tui.core.followup.rows import ROWS_FILE
from c2c_tui.tui.home.review_session import SessionReviewScreen

pytestmark = pytest.mark.usefixtures("folder")


async def rows_and_details(pilot) -> tuple[list[list[str]], list[str]]:  # type: ignore[no-untyped-def]
    await pilot.pause()
    details = []
    for _ in range(5):
        details.append(str(pilot.app.screen.query_one("#session-detail").render()))
        await pilot.press("down")
        await pilot.pause()
    return table_rows(pilot.app), details


async def test_the_home_screen_from_the_index_shows_what_the_files_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(library, "wall_ns", lambda: time.time_ns() + 60 * 10**9)  # the files settled
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        cold = await rows_and_details(pilot)
        assert (FOLDER / ROWS_FILE).is_file()  # the home list's rows
        assert not (FOLDER / INDEX_FILE).exists()  # the outlines: not read for the list
        await pilot.press("r")  # the review list reads the outlines, and writes their index
        await pilot.pause()
    assert (FOLDER / INDEX_FILE).is_file()
    loaded: list[Path] = []
    real_load = library.load
    monkeypatch.setattr(library, "load", lambda path: loaded.append(path) or real_load(path))
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        warm = await rows_and_details(pilot)
        assert loaded == []  # every row from the index
        assert warm == cold
        assert any("41 entries · 7 options" in line for line in warm[1])  # the example counts
        await pilot.press("r")  # the review list, then one session: its summary is read from the file
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionReviewScreen)
        assert loaded == [FOLDER / "oslo-rain.toml"]
        assert app.screen.query_one(Markdown).source.startswith("# Oslo: \\[bold\\]cloudbursts\\[/\\]")
