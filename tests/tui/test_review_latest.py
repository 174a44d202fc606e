"""``c2c review`` shows each action in its latest state: the first workshop's a1, reviewed done in the second,
reads done (and where: "agreed open → done in Heat two, 2026-12-10") in the first's review, and the list's
open/late counts follow. Marking an action here still writes the action's own file (the second is untouched)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_support import screen_text
from series_support import FOLDER, HOME_NOW, REVIEW_AT, clock, series, steady  # noqa: F401
from textual.widgets import DataTable

from c2c_tui.core import store
from c2c_tui.tui.home.app import HomeApp
from c2c_tui.tui.home.review_session import SessionReviewScreen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from series_chain import review

pytestmark = pytest.mark.usefixtures("series")


def reviewed_a1(note: str = "sent to the board") -> None:
    second = FOLDER / "second.toml"
    session = store.load(second)
    review(session, "action", "a1", "done", REVIEW_AT, note=note)
    store.save(second, session)


def rows(app: HomeApp, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def open_actions(app: HomeApp) -> dict[str, str]:
    return {row[1]: row[4] for row in rows(app, "#sessions")}


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_an_action_reviewed_done_later_shows_done_and_where(size: tuple[int, int]) -> None:
    app = HomeApp(FOLDER, clock=clock(HOME_NOW), start="review")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert open_actions(app) == {"Heat two": "-", "Heat one": "3 (2 late)"}  # no review yet
    reviewed_a1()
    second_bytes = (FOLDER / "second.toml").read_bytes()
    app = HomeApp(FOLDER, clock=clock(HOME_NOW), start="review")
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        assert open_actions(app) == {"Heat two": "-", "Heat one": "2 (1 late)"}  # a1 done in Heat two
        await pilot.press(*"title:one", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionReviewScreen)
        table = rows(app, "#review-actions")
        assert table[0][0] == "done" and table[0][3] == "Draft the plan"
        assert [row[0] for row in table[1:]] == ["open", "OVERDUE", "dropped"]
        text = screen_text(app)
        assert "Actions: 2 open of 4, 1 overdue · 1 changed in a later workshop" in text
        assert "agreed open → done in Heat two, 2026-12-10: sent to the board" in text
        await pilot.press("down")  # a2: as agreed
        await pilot.pause()
        assert "not changed in a later workshop" in screen_text(app)
        await pilot.press("down", "d")  # a3 done, in its own file
        await pilot.pause()
        assert "Actions: 1 open of 4 · 1 changed in a later workshop" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert open_actions(app)["Heat one"] == "1"
    statuses = {a.id: a.status for a in store.load(FOLDER / "first.toml").actions}
    assert statuses == {"a1": "open", "a2": "open", "a3": "done", "a4": "dropped"}  # a1 as agreed
    assert (FOLDER / "second.toml").read_bytes() == second_bytes


async def test_the_note_and_the_workshop_are_shown_literally() -> None:
    reviewed_a1("sent to the [bold]board[/]\x1b[2J")
    app = HomeApp(FOLDER, clock=clock(HOME_NOW), start="review")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"title:one", "enter", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "done in Heat two, 2026-12-10: sent to the [bold]board[/]␛[2J" in text
        assert "\x1b" not in text


async def test_the_home_screens_list_counts_the_same() -> None:
    reviewed_a1()
    app = HomeApp(FOLDER, clock=clock(HOME_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert open_actions(app) == {"Heat two": "-", "Heat one": "2 (1 late)"}


async def test_reopening_an_action_a_later_review_closed_writes_its_own_file() -> None:
    reviewed_a1()
    app = HomeApp(FOLDER, clock=clock(HOME_NOW), start="review")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*"title:one", "enter", "enter")
        await pilot.pause()
        await pilot.press("d")  # shown done already (Heat two's review): nothing to write
        await pilot.pause()
        assert any(n.message == "Already done: Draft the plan" for n in app._notifications)
        await pilot.press("r")  # open again: written in first.toml, after the review, so it wins
        await pilot.pause()
        assert rows(app, "#review-actions")[0][0] == "OVERDUE"  # open, due 2026-12-15
        text = screen_text(app)
        assert "Actions: 3 open of 4, 2 overdue" in text and "agreed open → done" not in text  # line hidden
    a1 = store.load(FOLDER / "first.toml").actions[0]
    assert (a1.status, a1.updated) == ("open", HOME_NOW)
