"""Set-up, F7 Pre-work: each team scores each area 1-5 from the keyboard and writes a note; the areas are
the workshop's own, else its series', else the shipped ones; an area taken off the list while it holds
scores blocks saving instead of losing them; everything fits at 80x24. From the home screen the scores
reach the file and its summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, example_at
from home_support import EXAMPLE, FOLDER, SetupHost, folder, home, notes, screen_text, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.assessment import shipped_areas
from c2c_tui.core.assessment_rows import AssessmentArea
from c2c_tui.core.followup.series_file import SeriesFile, save_series
from c2c_tui.core.model import Session
from c2c_tui.core.store.session_file import SessionFile
from c2c_tui.tui.setup.score_table import ScoreTable
from c2c_tui.tui.setup.setup_screen import SetupScreen

pytestmark = pytest.mark.usefixtures("folder")


def example() -> Session:
    """The shipped example without its self-assessment (a workshop whose pre-work is still to do)."""
    session = store.load(EXAMPLE)
    session.assessments = None  # first: scores need their areas
    session.areas = None
    return session


def without_prework(path: Path) -> None:
    store.save(path, store.load(path).model_copy(update={"areas": None, "assessments": None}))


def rows(host: SetupHost) -> list[tuple[str, ...]]:
    return [cells for _, cells in host.screen.query_one(ScoreTable)._rows]


def status(host: SetupHost) -> str:
    return str(host.screen.query_one("#setup-status").render())


async def test_a_team_scores_its_areas_with_digits_and_writes_a_note() -> None:
    host = SetupHost(example())
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(host.screen.focused, ScoreTable)
        first = rows(host)
        assert first[0] == ("Valmora City Council", "Leadership and governance", "–", "")
        assert len(first) == len(example().teams) * len(shipped_areas())
        await pilot.press("2", "3")  # each digit scores the row and moves to the next
        await pilot.press("enter", "4", "tab", *"No register | yet", "enter")
        await pilot.pause()
        assert rows(host)[:3] == [
            ("Valmora City Council", "Leadership and governance", "2", ""),
            ("Valmora City Council", "Data and evidence", "3", ""),
            ("Valmora City Council", "Partnerships", "4", "No register | yet"),
        ]
        await pilot.press("up", "0")  # clears "Data and evidence"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = host.results
    assert result is not None
    assert [a.id for a in result.areas or ()] == [a.id for a in shipped_areas()]
    assert [(a.team, a.area, a.score, a.note) for a in result.assessments or ()] == [
        ("valmora", "leadership", 2, ""),
        ("valmora", "partnerships", 4, "No register | yet"),
    ]


async def test_the_pane_fits_a_projector_terminal() -> None:
    host = SetupHost(example())
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        screen = host.screen.region
        for selector in ("#setup-assessments", "#assessment-help", "#setup-areas", "#setup-status"):
            region = host.screen.query_one(selector).region
            assert region.height >= 1 and screen.contains_region(region), selector
        assert host.screen.query_one(ScoreTable).region.height >= 8
        text = screen_text(host)
        assert "F7 Pre-work" in text and "1-5 score" in text
        help_lines = str(host.screen.query_one("#assessment-help").render()).splitlines()
        assert help_lines[1].startswith("Leadership and governance: Who owns the challenge")


async def test_a_set_up_without_pre_work_leaves_the_file_without_it() -> None:
    host = SetupHost(example())
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = host.results
    assert result is not None and result.areas is None and result.assessments is None


async def test_areas_edited_here_rename_in_place_and_an_area_with_scores_is_not_dropped() -> None:
    areas = [AssessmentArea(id="data", name="Data"), AssessmentArea(id="money", name="Funding")]
    host = SetupHost(example(), areas=areas)  # as a series file would give them
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert [r[1] for r in rows(host)[:2]] == ["Data", "Funding"]
        await pilot.press("5", "1")
        area_text = host.screen.query_one("#setup-areas")
        area_text.focus()
        await pilot.press("down", "home", "shift+end", *"Money", "enter", *"Digital tools")
        await pilot.pause()
        assert [r[1:3] for r in rows(host)[:3]] == [("Data", "5"), ("Money", "1"), ("Digital tools", "–")]
        await pilot.press("up", "up", "home", "shift+end", "delete")  # "Data" goes, but it holds a score
        await pilot.pause()
        assert rows(host)[2] == ("Valmora City Council", "Data (no longer listed)", "5", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert host.results == []  # not saved: the score is not lost behind the user's back
        assert "'Data' is off the list but holds 1 score" in status(host)
        table = host.screen.query_one(ScoreTable)
        table.focus()
        table.move_cursor(row=2)
        await pilot.press("0", "ctrl+s")
        await pilot.pause()
    [result] = host.results
    assert result is not None
    assert [(a.id, a.name) for a in result.areas or ()] == [
        ("money", "Money"),
        ("digital-tools", "Digital tools"),
    ]
    assert [(a.team, a.area, a.score) for a in result.assessments or ()] == [("valmora", "money", 1)]


async def test_from_home_the_series_areas_are_offered_and_the_scores_reach_file_and_summary() -> None:
    save_series(FOLDER, SeriesFile(areas=[AssessmentArea(id="heat", name="Heat-health plan")]))
    path = FOLDER / "cooling-valmora.toml"
    without_prework(path)
    app = home(FOLDER)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("f7")
        await pilot.pause()
        table = app.screen.query_one(ScoreTable)
        assert [cells[1] for _, cells in table._rows][:1] == ["Heat-health plan"]
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        assert notes(app) == ["Saved the set-up of cooling-valmora.toml."]
    saved = store.load(path)
    assert [a.name for a in saved.areas or ()] == ["Heat-health plan"]
    assert [(a.team, a.area, a.score) for a in saved.assessments or ()] == [("valmora", "heat", 3)]
    summary = path.with_suffix(".md").read_text(encoding="utf-8")
    assert "## Before the workshop: self-assessment" in summary and "| Heat-health plan | **3** |" in summary


async def test_during_the_workshop_the_live_set_up_takes_scores_into_the_running_session(
    tmp_path: Path,
) -> None:
    session_file, clock = example_at(tmp_path, "insights")
    session_file.close()
    without_prework(session_file.path)
    app = build(SessionFile.open(session_file.path), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+pageup", "ctrl+pageup")  # the last section is Proposal, then Pre-work
        await pilot.pause()
        assert isinstance(app.screen.focused, ScoreTable)
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen)
        assert [(a.team, a.area, a.score) for a in app.session.assessments or ()] == [
            ("valmora", "leadership", 4)
        ]
        assert app.session.areas is not None and app.session.areas[0].name == "Leadership and governance"


async def test_area_text_from_a_file_is_shown_inert() -> None:
    session = example()
    session.areas = [
        AssessmentArea(
            id="x", name="[bold]Data[/] \x1b[31mred", question="\x1b]0;owned\x07 [@click=app.quit]"
        )
    ]
    host = SetupHost(session)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(host)
        assert "[bold]Data[/]" in text and "[@click=app.quit]" in text  # shown literally
        table = host.screen.query_one(ScoreTable)
        shown_here = [str(host.screen.query_one("#assessment-help").render())]
        shown_here += [str(cell) for cell in table.get_row_at(0)]
        assert all("\x1b" not in t and "\x07" not in t for t in shown_here), shown_here
        # the list of areas keeps the text as in the file (the apps' line filter guards the screen)
