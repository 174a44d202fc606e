"""Editing the selected item: text, kind, team, speaker, delete, undo - each through app.editor."""

from __future__ import annotations

from capture_harness import CaptureApp, cells, screen_text, type_line
from textual.widgets import Input, Static

from c2c_tui.core.model import Entry
from c2c_tui.tui.dialogs.choice import ChoiceDialog
from c2c_tui.tui.dialogs.text_dialog import TextDialog
from c2c_tui.tui.run.work.entry_list import EntryList
from c2c_tui.tui.run.work.options_table import OptionsTable


def status(app: CaptureApp) -> str:
    return str(app.query_one("#work-status", Static).render())


async def start(pilot, *lines: str) -> None:
    for line in lines:
        await type_line(pilot, line)
    await pilot.press("escape")  # to the list; the cursor is on the newest row


async def test_edit_text_saves_on_enter() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: shade mpas #seville")
        await pilot.press("e")
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one(Input).value == "shade mpas"
        await pilot.press("ctrl+w", *"maps", "enter")
        await pilot.pause()
        entry = app.session.entries[0]
        assert entry.text == "shade maps" and entry.edited == app.clock.now()
        assert cells(app.query_one(EntryList), entry.id)[1] == "shade maps"
        assert app.changes[-1] == "edit"
        assert app.focused is app.query_one(EntryList)


async def test_escape_in_the_edit_dialog_changes_nothing() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: keep me")
        changes = list(app.changes)
        await pilot.press("e", "x", "y", "escape")
        await pilot.pause()
        assert app.session.entries[0].text == "keep me"
        assert app.changes == changes
        assert not isinstance(app.screen, TextDialog)


async def test_empty_text_is_refused_in_the_dialog() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: keep me")
        await pilot.press("e", "home", "ctrl+k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        assert "cannot be empty" in screen_text(app)
        await pilot.press("escape")
        assert app.session.entries[0].text == "keep me"


async def test_markup_in_the_edit_dialog_is_literal() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: [bold]x[/] [@click=app.quit]")
        await pilot.press("e")
        assert app.screen.query_one(Input).value == "[bold]x[/] [@click=app.quit]"
        assert "[bold]x[/] [@click=app.quit]" in screen_text(app)
        await pilot.press("end", *" [/]", "enter")
        await pilot.pause()
        assert app.session.entries[0].text == "[bold]x[/] [@click=app.quit] [/]"


async def test_rekind_with_the_prefix_letter_and_to_option_moves_it() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: no night-time plan #seville")
        await pilot.press("k")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("g")
        await pilot.pause()
        entry = app.session.entries[0]
        assert entry.kind == "gap"
        assert cells(app.query_one(EntryList), entry.id)[0] == "gap"
        await pilot.press("k", "o")
        await pilot.pause()
        assert app.session.entries == []
        assert [o.title for o in app.session.options] == ["no night-time plan"]
        assert "moved to the options" in status(app)
        assert app.query_one(EntryList).row_count == 0
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.options == [] and app.session.entries[0].kind == "gap"
        assert app.query_one(EntryList).row_count == 1


async def test_rekind_in_the_dialog_with_arrows_and_enter() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "o: Cooling centres")
        await pilot.press("k", "down", "enter")  # option, then consideration
        await pilot.pause()
        assert app.session.options == []
        assert [(e.kind, e.phase) for e in app.session.entries] == [("consideration", "reflect")]


async def test_reattribute_team_and_clear_it() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: shade maps")
        await pilot.press("t")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "enter")  # (no team), Athens, Seville
        await pilot.pause()
        entry = app.session.entries[0]
        assert entry.team == "seville"
        assert cells(app.query_one(EntryList), entry.id)[2] == "Seville City Council"
        await pilot.press("t", "home", "enter")
        await pilot.pause()
        assert entry.team is None


async def test_set_speaker_with_at_key() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: shade maps")
        await pilot.press("@")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"Javier Ruiz", "enter")
        await pilot.pause()
        assert app.session.entries[0].speaker == "Javier Ruiz"
        await pilot.press("p", "home", "ctrl+k", "enter")
        await pilot.pause()
        assert app.session.entries[0].speaker is None


async def test_delete_then_undo_restores_it() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "s: one", "s: two", "s: three")
        await pilot.press("up", "d")
        await pilot.pause()
        assert [e.text for e in app.session.entries] == ["one", "three"]
        assert status(app) == "Deleted surprise · ctrl+z to undo"
        assert app.changes[-1] == "delete"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [e.text for e in app.session.entries] == ["one", "two", "three"]
        assert status(app) == "Undone: delete surprise"
        table = app.query_one(EntryList)
        assert [cells(table, key)[1] for key in table.item_ids] == ["one", "two", "three"]
        await pilot.press("delete")
        await pilot.pause()
        assert len(app.session.entries) == 2


async def test_undo_with_nothing_to_undo_says_so() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert status(app) == "Nothing to undo"


async def test_edit_keys_on_an_empty_list_do_nothing() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "e", "d", "k")
        await pilot.pause()
        assert not isinstance(app.screen, (TextDialog, ChoiceDialog))
        assert app.session.entries == []


async def test_option_title_edit_through_e() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "Cooling centers")
        await pilot.press("e", "backspace", "backspace", "backspace", *"res", "enter")
        await pilot.pause()
        option = app.session.options[0]
        assert option.title == "Cooling centres"
        assert cells(app.query_one(OptionsTable), option.id)[1] == "Cooling centres"


async def test_a_multi_line_text_is_edited_on_one_line_and_keeps_its_breaks() -> None:
    app = CaptureApp(phase="insights")
    app.session.entries.append(Entry(id="e1", phase="insights", kind="note", text="line one\nline two"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")
        assert cells(app.query_one(EntryList), "e1")[1] == "line one ⏎ line two"
        await pilot.press("e")
        assert app.screen.query_one(Input).value == "line one ⏎ line two"
        await pilot.press("enter")  # unchanged: nothing recorded
        await pilot.pause()
        assert app.session.entries[0].edited is None
        await pilot.press("e", "end", "!", "enter")
        await pilot.pause()
        assert app.session.entries[0].text == "line one\nline two!"
