"""The home screen's series keys: f sets up a follow-on of the highlighted session (written as a new
file, the earlier one byte-identical), s shows the series overview, whose topic backlog is edited here
and written to series.toml; a broken series file is never overwritten."""

from __future__ import annotations

import pytest
from app_support import screen_text
from series_support import FOLDER, HOME_NOW, clock, series, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.followup.series_file import load_series
from c2c_tui.tui.dialogs.choice import ChoiceDialog
from c2c_tui.tui.home.app import HomeApp
from c2c_tui.tui.home.series_screen import SeriesScreen
from c2c_tui.tui.setup.setup_screen import SetupScreen

pytestmark = pytest.mark.usefixtures("series")


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


def home() -> HomeApp:
    return HomeApp(FOLDER, clock=clock(HOME_NOW))


def highlight(app: HomeApp, name: str) -> None:
    table = app.screen.query_one("#sessions")
    rows = [table.get_row_at(i) for i in range(table.row_count)]  # type: ignore[attr-defined]
    index = next(i for i, row in enumerate(rows) if name in str(row[1]))
    table.move_cursor(row=index)  # type: ignore[attr-defined]


async def test_f_writes_a_follow_on_of_the_highlighted_session() -> None:
    before = {p.name: p.read_bytes() for p in FOLDER.iterdir()}
    app = home()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        highlight(app, "Heat two")
        await pilot.press("f")
        assert isinstance(app.screen, SetupScreen)
        assert any("A follow-on of second.toml" in n for n in notes(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen), screen_text(app)
    new = FOLDER / "follow-on-of-heat-two.toml"
    session = store.load(new)
    assert session.title == "Follow-on of Heat two"
    assert session.workshop.after == "second.toml"
    assert session.workshop.after_created == store.load(FOLDER / "second.toml").created
    assert {r.item for r in session.reviews or []} == {"a1", "a2", "a3", "e1"}
    assert [t.name for t in session.teams] == ["Valmora City Council", "Seville City Council"]
    assert {p.name: p.read_bytes() for p in FOLDER.iterdir() if p.name in before} == before


async def test_the_series_view_and_a_topic_edit() -> None:
    app = home()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, SeriesScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "Series · 2 workshops · sessions" in text and "No topics yet" in text
        await pilot.press("a", *"Reaching residents who live alone", "enter")
        await pilot.pause()
        assert load_series(FOLDER).topics[0].status == "backlog"  # type: ignore[union-attr]
        await pilot.press("c")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # the newest workshop is offered first
        await pilot.pause()
        topic = load_series(FOLDER).topics[0]  # type: ignore[union-attr]
        assert (topic.status, topic.covered_in) == ("covered", "second.toml")
        assert "second.toml" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        topic = load_series(FOLDER).topics[0]  # type: ignore[union-attr]
        assert (topic.status, topic.covered_in) == ("next", None)
        await pilot.press("escape")
        assert not isinstance(app.screen, SeriesScreen)


async def test_a_broken_series_file_is_shown_refused_and_never_overwritten() -> None:
    broken = FOLDER / "series.toml"
    broken.write_text("schema_version = 1\n[[topics]]\nstatus = 'someday'\n", encoding="utf-8")
    before = broken.read_bytes()
    app = home()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "series file broken" in screen_text(app)
        await pilot.press("a")
        assert not isinstance(app.screen, ChoiceDialog)
        assert any(n.startswith("Not changed: ") and "series.toml" in n for n in notes(app))
        await pilot.press("b", "c")
    assert broken.read_bytes() == before
