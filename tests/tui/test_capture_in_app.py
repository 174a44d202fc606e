"""The capture line and the work area inside the real app (make_app), saved to the session file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from app_support import build, fresh, screen_text, steady  # noqa: F401
from capture_harness import cells

from c2c_tui.core import store
from c2c_tui.tui.run.work.actions_table import ActionsTable
from c2c_tui.tui.run.work.advisor_panel import AdvisorPanel

pytestmark = pytest.mark.usefixtures("steady")


async def test_capture_edit_and_undo_in_the_app_reach_the_file(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "pagedown", "pagedown")
        assert app.current_phase == "insights"
        await pilot.press(*"s: [bold]shade[/] maps #seville", "enter")
        await pilot.pause()
        assert "● heard" in str(app.screen.query_one(AdvisorPanel).render())
        assert "[bold]shade[/] maps" in screen_text(app)
        await pilot.press("pagedown", "pagedown")
        assert app.current_phase == "agree"
        await pilot.press(*"a: Draft plan @Maria due:2026-12-15", "enter")
        await pilot.pause()
        action = app.session.actions[0]
        assert (action.owner, action.due) == ("Maria", date(2026, 12, 15))
        table = app.screen.query_one(ActionsTable)
        assert cells(table, action.id)[3] == "○ open"
        await pilot.press("escape", "space")
        await pilot.pause()
        assert action.status == "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = store.load(session_file.path)
    assert [e.text for e in saved.entries] == ["[bold]shade[/] maps"]
    assert [(a.text, a.status) for a in saved.actions] == [("Draft plan", "done")]
