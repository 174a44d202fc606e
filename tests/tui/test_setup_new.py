"""A new workshop from the home screen (n): the form checks as you type, blocks saving while something is
wrong, saves a valid file named after the title (never over an existing one) with the summary beside it,
and Escape asks before throwing away what was typed."""

from __future__ import annotations

import pytest
from home_support import FOLDER, folder, home, notes, screen_text, steady  # noqa: F401
from textual.widgets import Input

from c2c_tui.core import store
from c2c_tui.tui.dialogs.confirm import ConfirmDialog
from c2c_tui.tui.dialogs.form import FormDialog
from c2c_tui.tui.setup.setup_screen import SetupScreen

pytestmark = pytest.mark.usefixtures("folder")


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#setup-status").render())


async def add_team(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f3", "a")
    await pilot.press(*name, "enter")
    await pilot.pause()


async def retype(pilot, widget_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#{widget_id}", Input).focus()
    await pilot.press("end", "ctrl+u", *text)
    await pilot.pause()


async def test_new_workshop_from_nothing_to_a_valid_file() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press(*"Athens: [b]heat[/b] & shade")
        await retype(pilot, "setup-date", "2027-05-20")
        await add_team(pilot, "Athens Resilience Office")
        await add_team(pilot, "Seville City Council")
        await pilot.press("f4", "a", *"Maria Okafor", "tab", "tab", *"Head of Resilience", "enter")
        await pilot.pause()

        await retype(pilot, "minutes-insights", "0")
        assert "Part 2 · Surprises & gaps: minutes: a phase needs at least 1 minute" in status(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)  # blocked
        assert app.screen.focused is app.screen.query_one("#minutes-insights")
        await retype(pilot, "minutes-insights", "ten")
        assert "minutes: 'ten' is not a whole number" in status(app)
        assert "fix the minutes marked" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        shown = sorted(p.name for p in FOLDER.iterdir() if not p.name.startswith(".c2c-"))  # its indexes
        assert shown == [  # nothing written while it is wrong
            "cooling-valmora.md", "cooling-valmora.toml", "lyon-heat.md", "lyon-heat.toml",
            "oslo-rain.md", "oslo-rain.toml", "undated.md", "undated.toml", "zz-broken.toml",
        ]  # fmt: skip

        await retype(pilot, "minutes-insights", "45")
        await retype(pilot, "setup-start", "9:30")
        text = screen_text(app)
        assert "Total 105 min (1 h 45) · starts 09:30 · finishes 11:15" in text
        assert "09:55 – 10:40" in text  # Part 2 after 10 + 15 minutes
        assert "Ready" in status(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen)

    path = FOLDER / "athens-b-heat-b-shade.toml"
    session = store.load(path)
    assert session.title == "Athens: [b]heat[/b] & shade"
    assert str(session.workshop.date) == "2027-05-20"
    assert session.workshop.start_time == "09:30"
    assert [(t.id, t.name, t.role) for t in session.teams] == [
        ("athens-resilience-office", "Athens Resilience Office", "seeking"),
        ("seville-city-council", "Seville City Council", "advisor"),
    ]
    [maria] = session.participants
    assert (maria.name, maria.team, maria.role) == (
        "Maria Okafor",
        "athens-resilience-office",
        "Head of Resilience",
    )
    assert [item.minutes for item in session.agenda] == [10, 15, 45, 20, 15]
    summary = path.with_suffix(".md").read_text(encoding="utf-8")
    assert "Athens: \\[b\\]heat\\[/b\\] \\& shade" in summary
    assert notes(app)[-1] == f"Saved {path}. Enter runs it; e edits its set-up."


async def test_a_new_file_never_overwrites_an_existing_one() -> None:
    before = (FOLDER / "lyon-heat.toml").read_bytes()
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Lyon heat")
        await add_team(pilot, "Lyon Climate Unit")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert (FOLDER / "lyon-heat.toml").read_bytes() == before
    assert store.load(FOLDER / "lyon-heat-2.toml").title == "Lyon heat"


async def test_saving_needs_a_title_and_a_seeking_team() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "ctrl+s")
        await pilot.pause()
        assert "Workshop: title: a workshop needs a title (and 1 more)" in status(app)
        await pilot.press(*"Rain gardens", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Teams: add a Seeking team" in status(app)
        assert app.screen.query_one("TabbedContent").active == "tab-teams"  # it shows where


async def test_team_names_are_unique_and_a_bad_date_is_explained() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await retype(pilot, "setup-date", "2026-13-01")
        assert "date: 2026-13-01 is not a real date" in status(app)
        await add_team(pilot, "Athens Resilience Office")
        await pilot.press("a", *"athens  resilience office", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # Enter did not save it
        assert "already a team called 'Athens Resilience Office'" in screen_text(app)
        await pilot.press("end", "ctrl+u", *"Seville", "enter")
        await pilot.pause()
        assert [t.name for t in app.screen.session.teams] == ["Athens Resilience Office", "Seville"]


async def test_escape_with_changes_asks_first() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Half a title", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard your changes to this new workshop?" in screen_text(app)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#setup-title", Input).value == "Half a title"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen | ConfirmDialog)
    assert not list(FOLDER.glob("half*"))


async def test_escape_without_changes_leaves_at_once() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_a_template_fills_the_minutes() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "f5")
        await pilot.pause()
        app.screen.query_one("#setup-template").value = "half-day"
        await pilot.pause()
        assert [app.screen.query_one(f"#minutes-{p}", Input).value for p in ("rapport", "insights")] == [
            "30",
            "60",
        ]
        assert "Total 210 min (3 h 30)" in screen_text(app)
