"""Part 4: the actions table (status key, the action form with due-date validation), follow-up offers."""

from __future__ import annotations

from datetime import date

from capture_harness import CaptureApp, cells, screen_text, type_line
from textual.widgets import Input

from c2c_tui.tui.dialogs.action_form import ActionForm
from c2c_tui.tui.run.work.actions_table import ActionsTable
from c2c_tui.tui.run.work.entry_list import EntryList


async def test_space_cycles_the_status() -> None:
    app = CaptureApp(phase="agree")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Call the libraries @Maria")
        await pilot.press("escape", "space")
        await pilot.pause()
        action = app.session.actions[0]
        assert action.status == "done" and action.updated == app.clock.now()
        assert cells(app.query_one(ActionsTable), action.id)[3] == "✓ done"
        await pilot.press("space", "space")
        await pilot.pause()
        assert action.status == "open"


async def test_action_form_edits_text_owner_due_and_validates_the_date() -> None:
    app = CaptureApp(phase="agree")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Call the libraries")
        await pilot.press("escape", "e")
        assert isinstance(app.screen, ActionForm)
        await pilot.press("tab", *"Nikos", "tab", *"2026-02-30", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        assert "is not a real date" in screen_text(app)
        due = app.screen.query_one("#form-due", Input)
        due.value = ""
        await pilot.press(*"15/12/2026", "enter")
        assert "write it YYYY-MM-DD" in screen_text(app)
        due.value = ""
        await pilot.press(*"2026-12-15", "enter")
        await pilot.pause()
        action = app.session.actions[0]
        assert (action.text, action.owner, action.due) == ("Call the libraries", "Nikos", date(2026, 12, 15))
        assert cells(app.query_one(ActionsTable), action.id)[1:3] == ["Nikos", "2026-12-15"]


async def test_action_form_escape_changes_nothing() -> None:
    app = CaptureApp(phase="agree")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Call the libraries @Maria due:2026-12-15")
        before = app.session.actions[0].model_dump()
        await pilot.press("escape", "enter", "ctrl+k", "escape")
        await pilot.pause()
        assert app.session.actions[0].model_dump() == before


async def test_follow_up_offers_are_listed_under_the_actions() -> None:
    app = CaptureApp(phase="agree")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "f: Seville can share its heat maps #seville")
        entry = app.session.entries[0]
        assert cells(app.query_one(EntryList), entry.id)[:3] == [
            "follow-up",
            "Seville can share its heat maps",
            "Seville City Council",
        ]
        await pilot.press("escape", "tab")
        assert app.focused is app.query_one(EntryList)
        await pilot.press("k", "a")  # a follow-up offer that becomes an action
        await pilot.pause()
        assert [a.text for a in app.session.actions] == ["Seville can share its heat maps"]
        assert app.query_one(ActionsTable).row_count == 1
