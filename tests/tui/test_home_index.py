"""The home screen and the session review over a folder with its index: the same rows and details as from
the files, no session read in full until one is opened, and the opened one's summary from its file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from home_support import FOLDER, folder, home, screen_text, steady, table_rows  # noqa: F401
from textual.widgets import DataTable, Markdown

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


async def test_the_home_list_reads_its_rows_not_the_sessions_outlines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The list is taken from the rows file (a forged title there shows), never from the outline index
    (a forged title there does not), and no session's outline is held for it."""
    import json

    monkeypatch.setattr(library, "wall_ns", lambda: time.time_ns() + 60 * 10**9)  # the files settled
    library.scan(FOLDER)  # the outline index, as `c2c actions` leaves it
    index = FOLDER / INDEX_FILE
    index.write_text(index.read_text().replace("Lyon: shade in schoolyards", "From the outline index"))
    assert "From the outline index" in [i.title for i in library.scan(FOLDER).sessions]  # it is trusted there
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        titles = [row[1] for row in table_rows(app)]
        assert "Lyon: shade in schoolyards" in titles and "From the outline index" not in titles
        assert app.screen.library is not None
        assert all(getattr(info, "known", "absent") is None for info in app.screen.library.sessions)
    rows = FOLDER / ROWS_FILE
    header, *files = [json.loads(line) for line in rows.read_text().splitlines()]
    next(facts for name, facts in files if name == "lyon-heat.toml")[1][0] = "From the rows"
    rows.write_text("".join(json.dumps(line) + "\n" for line in [header, *files]))
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        titles = [row[1] for row in table_rows(app)]
        assert "From the rows" in titles
        app.screen.query_one("#sessions", DataTable).move_cursor(row=titles.index("From the rows"))
        await pilot.press("p")  # the proposal reads the file itself
        await pilot.pause()
        await pilot.pause()
        assert "Lyon: shade in schoolyards" in app.screen.query_one(Markdown).source
