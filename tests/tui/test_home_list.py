"""The home screen: the sessions of the folder newest first, a broken file listed with its problem, and the
keys that leave the home for the facilitator app (Enter, d) or quit (q)."""

from __future__ import annotations

from pathlib import Path

import pytest
from home_support import FOLDER, folder, home, notes, screen_text, steady, table_rows  # noqa: F401

pytestmark = pytest.mark.usefixtures("folder")


async def test_sessions_newest_first_and_the_broken_file_with_its_problem() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        rows = table_rows(app)
        assert [row[1] for row in rows] == [
            "Oslo: [bold]cloudbursts[/]",  # 2027-03-04, shown literally
            "Valmora: keeping vulnerable residents safe in extreme heat",  # 2026-11-12
            "Lyon: shade in schoolyards",  # 2026-10-01
            "Turin: no date yet",  # no workshop date: sorted by when the file was written (2026-09)
            "zz-broken.toml",
        ]
        assert [row[0] for row in rows[:3]] == ["2027-03-04", "2026-11-12", "2026-10-01"]
        assert rows[1][3] == "finished" and rows[2][3] == "ready"
        assert rows[2][4] == "2 (1 late)"  # a1 was due 2026-12-01, the clock says 2026-12-20
        assert rows[4][3] == "broken"
        assert "actions[0].due" in rows[4][2]
        text = screen_text(app)
        assert "4 sessions · 1 broken file" in text
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "This file does not load: sessions/zz-broken.toml: actions[0].due" in text
        assert "YYYY-MM-DD" in text


async def test_enter_on_a_broken_file_says_why_and_stays() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.is_running
        assert notes(app) == [f"This file does not load: {rows_problem(app)}"]
        assert "This file does not load" in screen_text(app)


def rows_problem(app) -> str:  # type: ignore[no-untyped-def]
    from c2c_tui.core.followup.library import FileProblem

    item = app.screen.query_one("#sessions").current
    assert isinstance(item, FileProblem)
    assert item.message.startswith("sessions/zz-broken.toml: actions[0].due")
    return item.message


@pytest.mark.parametrize(
    ("keys", "result"),
    [
        (["enter"], ("run", Path("sessions/oslo-rain.toml"))),
        (["down", "enter"], ("run", Path("sessions/cooling-valmora.toml"))),
        (["d"], ("demo", None)),
        (["q"], None),
        (["escape"], None),
    ],
)
async def test_keys_that_leave_the_home(keys: list[str], result: object) -> None:
    app = home(FOLDER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
    assert app.return_value == result


async def test_a_missing_folder_invites_a_new_workshop() -> None:
    app = home(Path("nothing-here"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "0 sessions" in text and "no such folder" in text
        assert "Press n to set up a new workshop, or d to try the demo" in text
        await pilot.press("enter")
        assert app.is_running


async def test_footer_shows_the_keys() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):  # the footer is painted a moment after the first frame (later on a busy machine)
            await pilot.pause(0.05)
            footer = screen_text(app).splitlines()[-1]
            if footer.strip():
                break
        for label in ("Open", "New", "Edit set-up", "Demo", "Review", "Quit"):
            assert label in footer


async def test_the_start_message_is_shown_literally() -> None:
    app = home(FOLDER, message="sessions/[red]x[/].toml: is locked", severity="error")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert notes(app) == ["sessions/[red]x[/].toml: is locked"]
        assert "sessions/[red]x[/].toml: is locked" in screen_text(app)
