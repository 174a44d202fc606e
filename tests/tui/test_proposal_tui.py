"""The proposal in the apps: p on the home screen opens the highlighted session's proposal (read from the
file as it is now, read-only, Escape goes back; a broken file says why in one line), and the set-up's
Proposal section (F8; ctrl+PageDown in the run app) edits what we hope to gain, the logistics and the
candidate cities."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, wait_for
from home_support import EXAMPLE, FOLDER, NOW, SetupHost, folder, home, notes, screen_text, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.proposal_rows import Candidate
from c2c_tui.core.summary.proposal import render_proposal
from c2c_tui.tui.dialogs.confirm import ConfirmDialog
from c2c_tui.tui.dialogs.form import FormDialog
from c2c_tui.tui.home.home_screen import HomeScreen
from c2c_tui.tui.home.proposal_screen import ProposalScreen
from c2c_tui.tui.home.summary_viewer import SummaryViewer
from c2c_tui.tui.run.live_setup import LiveSetupScreen


def highlight(app, name: str) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#sessions")
    rows = [table.get_row_at(i) for i in range(table.row_count)]
    index = next(i for i, row in enumerate(rows) if name in " ".join(str(c) for c in row))
    table.move_cursor(row=index)


def shown_markdown(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(SummaryViewer).document.source


@pytest.mark.usefixtures("folder")
async def test_p_on_home_shows_the_proposal_of_the_file_as_it_is_now() -> None:
    path = FOLDER / "cooling-valmora.toml"
    app = home(FOLDER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "p Proposal" in screen_text(app).splitlines()[-1]  # in the footer, at 80 columns
        assert "q Quit" in screen_text(app).splitlines()[-1]
        session = store.load(path)
        session.workshop.hopes = "Hopes written after the scan [b]literal[/b]"
        store.save(path, session)
        highlight(app, "Valmora")
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ProposalScreen))
        await pilot.pause()
        assert shown_markdown(app) == render_proposal(session, NOW)
        text = screen_text(app)
        assert "Proposal for the approvers · cooling-valmora.toml" in text
        assert "A proposal to hold a City to City Connection" in text
        assert "Hopes written after the scan \\[b\\]literal\\[/b\\]" in shown_markdown(
            app
        )  # the new text, literal
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.load(path).workshop.hopes == session.workshop.hopes  # read, never written


@pytest.mark.usefixtures("folder")
async def test_p_on_a_broken_file_says_why_and_stays_home() -> None:
    app = home(FOLDER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        highlight(app, "zz-broken.toml")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("zz-broken.toml" in n for n in notes(app))


async def test_the_proposal_section_edits_hopes_logistics_and_candidates() -> None:
    original = store.load(EXAMPLE)
    host = SetupHost(original)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert host.screen.query_one("TabbedContent").active == "tab-proposal"  # type: ignore[attr-defined]
        hopes = host.screen.query_one("#setup-hopes")
        assert host.screen.focused is hopes
        hopes.text = ""  # type: ignore[attr-defined]
        await pilot.press(*"Same-day alerts")
        logistics = host.screen.query_one("#setup-logistics")
        logistics.text = "   "  # type: ignore[attr-defined]  # blank: not set
        host.screen.query_one("#setup-candidates").focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(host.screen, FormDialog)
        await pilot.press("enter")  # neither a city nor an organisation: refused, the form stays
        await pilot.pause()
        assert isinstance(host.screen, FormDialog)
        await pilot.press(*"Lisbon", "tab", "tab", *"Cool corridors | #1", "enter")
        await pilot.pause()
        assert not isinstance(host.screen, FormDialog)
        table = host.screen.query_one("#setup-candidates")
        table.move_cursor(row=2)  # type: ignore[attr-defined]  # Lyon
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(host.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = host.results
    assert result is not None
    assert result.workshop.hopes == "Same-day alerts"
    assert result.workshop.logistics is None
    assert [c.city for c in result.workshop.candidates or []] == ["Seville", "Phoenix", "Lisbon"]
    assert result.workshop.candidates[-1] == Candidate(city="Lisbon", why="Cool corridors | #1")  # type: ignore[index]
    assert original.workshop.hopes is not None and original.workshop.hopes.startswith("A short list")


async def test_the_run_app_reaches_the_proposal_section_with_ctrl_pagedown(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, LiveSetupScreen)
        await pilot.press(*["ctrl+pageup"])  # from the first section back round to the last
        await pilot.pause()
        assert app.screen.query_one("TabbedContent").active == "tab-proposal"  # type: ignore[attr-defined]
        await pilot.press(*"Learn fast", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, LiveSetupScreen)
    assert app.session.workshop.hopes == "Learn fast"
