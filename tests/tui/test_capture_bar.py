"""The capture line: Enter adds through the screen, the kind hint, notes and errors, history, focus."""

from __future__ import annotations

from datetime import date

from capture_harness import CaptureApp, cells, screen_text, type_line
from textual.widgets import Input, Static

from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.work.actions_table import ActionsTable
from c2c_tui.tui.run.work.entry_list import EntryList


def notes(app: CaptureApp) -> str:
    return str(app.query_one("#capture-notes", Static).render())


def hint(app: CaptureApp) -> str:
    return str(app.query_one("#capture-kind", Static).render())


async def test_action_line_appears_in_the_actions_table_owned_by_maria() -> None:
    app = CaptureApp(phase="agree")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "a: Draft plan @Maria due:2026-12-15")
        action = app.session.actions[0]
        assert (action.text, action.owner, action.due) == (
            "Draft plan",
            "Maria Papadopoulou",
            date(2026, 12, 15),
        )
        table = app.query_one(ActionsTable)
        assert cells(table, action.id) == ["Draft plan", "Maria Papadopoulou", "2026-12-15", "○ open"]
        assert app.query_one("#capture", Input).value == ""
        assert "added action" in notes(app) and "owner Maria Papadopoulou" in notes(app)
        assert "Draft plan" in screen_text(app)


async def test_markup_like_text_is_stored_and_shown_literally() -> None:
    app = CaptureApp(phase="context")
    async with app.run_test(size=(100, 30)) as pilot:
        for line in ("[bold]x[/]", "[/] [link=https://example.org]y[/link]", "n: [@click=app.quit] z"):
            await type_line(pilot, line)
        texts = [entry.text for entry in app.session.entries]
        assert texts == ["[bold]x[/]", "[/] [link=https://example.org]y[/link]", "[@click=app.quit] z"]
        table = app.query_one(EntryList)
        for entry in app.session.entries:
            row = table.get_row(entry.id)
            assert row[1].plain == entry.text
            assert not row[1].spans  # no style came from the text
        shown = screen_text(app)
        assert "[bold]x[/]" in shown and "[@click=app.quit] z" in shown
        assert app.is_running  # the click "action" did not quit the app


async def test_unknown_team_stays_in_the_text_and_the_note_says_so() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "s: shade maps #unknownteam")
        entry = app.session.entries[0]
        assert (entry.text, entry.team) == ("shade maps #unknownteam", None)
        assert "no team matches #unknownteam: kept in the text" in notes(app)


async def test_capture_error_is_shown_and_the_text_kept() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "s: #seville")
        assert app.session.entries == []
        assert app.query_one("#capture", Input).value == "s: #seville"
        assert "nothing to add" in notes(app)
        assert app.query_one("#capture-notes").has_class("-error")


async def test_kind_hint_follows_the_prefix_and_the_phase() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        assert hint(app) == "→ surprise"
        await pilot.press("g", ":")
        assert hint(app) == "→ gap"
        await pilot.press("backspace", "backspace", "?", ":")
        assert hint(app) == "→ question"
        app.query_one(CaptureBar).set_context("agree", app.session.teams)
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert hint(app) == "→ action"


async def test_up_and_down_recall_earlier_lines() -> None:
    app = CaptureApp(phase="context")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "first")
        await type_line(pilot, "second")
        await pilot.press(*"draft")
        field = app.query_one("#capture", Input)
        await pilot.press("up")
        assert field.value == "second"
        await pilot.press("up")
        assert field.value == "first"
        await pilot.press("up")
        assert field.value == "first"
        await pilot.press("down", "down")
        assert field.value == "draft"


async def test_escape_moves_to_the_list_and_slash_or_tab_comes_back() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "o: Trees")
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "options-table"
        await pilot.press("slash")
        assert app.focused.id == "capture"
        await pilot.press("escape", "tab")  # options -> considerations list
        assert app.focused.id == "entry-list"
        await pilot.press("tab")
        assert app.focused.id == "capture"


async def test_edit_keys_type_into_the_capture_line_when_it_has_focus() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "o: Trees")
        await pilot.press(*"demskir1")
        assert app.query_one("#capture", Input).value == "demskir1"
        assert app.session.options[0].moscow is None and len(app.session.options) == 1
