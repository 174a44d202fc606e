"""Review: search filters the sessions, Enter shows a session's summary in the markdown viewer, and its
actions are changed in the file the safe way (status, owner, due date); a locked file changes nothing."""

from __future__ import annotations

import pytest
from home_support import FOLDER, folder, home, notes, screen_text, steady, table_rows  # noqa: F401
from textual.widgets import Markdown

from c2c_tui.core import store
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.dialogs.form import FormDialog
from c2c_tui.tui.home.review_session import SessionReviewScreen

pytestmark = pytest.mark.usefixtures("folder")


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[1] for row in table_rows(app)]


async def open_session(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*query, "enter", "enter")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionReviewScreen)


async def test_search_filters_the_list() -> None:
    app = home(FOLDER, start="review")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(titles(app)) == 5  # four sessions and the broken file
        await pilot.press(*"seville")
        await pilot.pause()
        assert titles(app) == [
            "Valmora: keeping vulnerable residents safe in extreme heat",
            "Turin: no date yet",
        ]
        assert "Review · 2 of 4 sessions" in screen_text(app)
        await pilot.press("space", *"title:turin")
        await pilot.pause()
        assert titles(app) == ["Turin: no date yet"]
        await pilot.press("ctrl+u", *"who:Inès")
        await pilot.pause()
        assert titles(app) == [
            "Oslo: [bold]cloudbursts[/]",
            "Lyon: shade in schoolyards",
            "Turin: no date yet",
        ]
        await pilot.press("ctrl+u", *"cloudbursts")
        await pilot.pause()
        assert titles(app) == ["Oslo: [bold]cloudbursts[/]"]  # literal, found by its text
        await pilot.press("ctrl+u", *"nothing-like-this")
        await pilot.pause()
        assert "No session matches 'nothing-like-this'." in screen_text(app)


async def test_open_shows_the_summary() -> None:
    app = home(FOLDER, start="review")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_session(pilot, "oslo")
        text = screen_text(app)
        assert "Oslo: [bold]cloudbursts[/] · sessions/oslo-rain.toml" in text
        assert "Purpose of Oslo" in text
        document = app.screen.query_one(Markdown)
        assert document.source.startswith("# Oslo: \\[bold\\]cloudbursts\\[/\\]")
        assert "Map the cool rooms" in text and "Actions: 2 open of 2, 1 overdue" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Review ·" in screen_text(app)


async def test_mark_done_writes_the_file_and_refreshes_the_summary() -> None:
    path = FOLDER / "lyon-heat.toml"
    app = home(FOLDER, start="review")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_session(pilot, "title:lyon")
        await pilot.press("d")
        await pilot.pause()
        await pilot.pause()
        assert notes(app)[-1] == "Marked done: Map the cool rooms"
        assert "Actions: 1 open of 2" in screen_text(app)
        assert "| Map the cool rooms | Inès | 2026-12-01 | done |" in app.screen.query_one(Markdown).source
    saved = store.load(path)
    assert [(a.id, a.status) for a in saved.actions] == [("a1", "done"), ("a2", "open")]
    assert saved.actions[0].updated is not None
    assert "| Map the cool rooms | Inès | 2026-12-01 | done |" in path.with_suffix(".md").read_text(
        encoding="utf-8"
    )


async def test_drop_reopen_owner_and_due() -> None:
    path = FOLDER / "lyon-heat.toml"
    app = home(FOLDER, start="review")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_session(pilot, "title:lyon")
        await pilot.press("down", "x")
        await pilot.pause()
        assert store.load(path).actions[1].status == "dropped"
        await pilot.press("r")
        await pilot.pause()
        assert store.load(path).actions[1].status == "open"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+u", *"[b]Ana[/b]", "enter")
        await pilot.pause()
        await pilot.press("u", "ctrl+u", *"2027-02-30")
        await pilot.pause()
        assert "not a real date" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)  # blocked
        await pilot.press("ctrl+u", *"2027-03-01", "enter")
        await pilot.pause()
        assert "[b]Ana[/b]" in screen_text(app)
    action = store.load(path).actions[1]
    assert (action.owner, str(action.due), action.status) == ("[b]Ana[/b]", "2027-03-01", "open")


async def test_a_locked_session_shows_the_message_and_nothing_changes() -> None:
    path = FOLDER / "lyon-heat.toml"
    summary = path.with_suffix(".md")
    before, before_md = path.read_bytes(), summary.read_bytes()
    app = home(FOLDER, start="review")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_session(pilot, "title:lyon")
        with SessionFile.open(path):  # `c2c run` has it open
            await pilot.press("d")
            await pilot.pause()
        assert notes(app)[-1].startswith("sessions/lyon-heat.toml: already open in another c2c")
        assert "Actions: 2 open of 2" in screen_text(app)
    assert path.read_bytes() == before and summary.read_bytes() == before_md


async def test_review_from_home_and_back() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.is_running


async def test_escape_in_standalone_review_quits() -> None:
    app = home(FOLDER, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None and not app.is_running
