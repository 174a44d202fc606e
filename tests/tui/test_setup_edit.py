"""Editing an existing session's set-up: the screen works on a copy, returns the updated copy (ids kept,
captured items and clock untouched), refuses to delete a team that items refer to, and shows titles
literally. From the home screen (e) the change is saved through the store, and a locked file is refused."""

from __future__ import annotations

import pytest
from home_support import EXAMPLE, FOLDER, SetupHost, folder, home, notes, screen_text, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.model import Team
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.dialogs.confirm import ConfirmDialog
from c2c_tui.tui.setup.setup_screen import SetupScreen

pytestmark = pytest.mark.usefixtures("folder")


async def highlight(pilot, table_id: str, key: str) -> None:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one(f"#{table_id}")
    table.move_cursor(row=table.get_row_index(key))
    table.focus()
    await pilot.pause()


async def test_editing_returns_an_updated_copy_and_keeps_ids() -> None:
    original = store.load(EXAMPLE)
    before = original.model_dump()
    host = SetupHost(original)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await highlight(pilot, "setup-teams", "seville")
        await pilot.press("e", "end", "ctrl+u", *"Sevilla Ayuntamiento", "enter")
        await pilot.press("a", *"Lisbon Heat Unit", "enter")
        await pilot.press("f4")
        await highlight(pilot, "setup-people", "p1")
        await pilot.press("e", "end", "ctrl+u", *"Maria O. Okafor", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = host.results
    assert result is not None
    assert original.model_dump() == before  # the session given was not touched
    seville = result.team("seville")
    assert seville is not None and seville.name == "Sevilla Ayuntamiento"
    assert [t.id for t in result.teams] == [
        "valmora",
        "seville",
        "phoenix",
        "publichealth",
        "lisbon-heat-unit",
    ]
    assert result.participants[0].id == "p1" and result.participants[0].name == "Maria O. Okafor"
    assert [p.id for p in result.participants] == [p.id for p in original.participants]
    assert result.entries == original.entries and result.clock == original.clock
    assert result.actions == original.actions


async def test_a_team_that_items_refer_to_cannot_be_deleted() -> None:
    host = SetupHost(store.load(EXAMPLE))
    async with host.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("f3")
        await highlight(pilot, "setup-teams", "seville")
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(host.screen, ConfirmDialog)
        [note] = [n.message for n in host._notifications]
        assert note.startswith("Seville City Council cannot be deleted: 2 participants, ")
        assert "entries" in note and "refer to it" in note
        screen = host.screen
        assert isinstance(screen, SetupScreen)
        assert screen.session.team("seville") is not None


async def test_a_team_nothing_refers_to_is_deleted_after_asking() -> None:
    session = store.load(EXAMPLE)
    session.teams.append(Team(id="spare", name="Spare team", role="advisor"))
    host = SetupHost(session)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await highlight(pilot, "setup-teams", "spare")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(host.screen, ConfirmDialog)
        await pilot.press("y", "ctrl+s")
        await pilot.pause()
    [result] = host.results
    assert result is not None and result.team("spare") is None


async def test_titles_and_names_show_literally() -> None:
    session = store.load(EXAMPLE)
    session.title = "[bold]x[/] and [@click=app.quit]y[/]"
    session.teams[1].name = "[red]Seville[/red]"
    host = SetupHost(session)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Set-up: [bold]x[/] and [@click=app.quit]y[/]" in screen_text(host)
        await pilot.press("f3")
        await pilot.pause()
        assert "[red]Seville[/red]" in screen_text(host)


async def test_escape_after_editing_asks_and_returns_none() -> None:
    host = SetupHost(store.load(EXAMPLE))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "!", "escape")
        await pilot.pause()
        assert isinstance(host.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert host.results == [None]


async def test_edit_from_home_saves_the_file_and_keeps_the_rest() -> None:
    path = FOLDER / "cooling-valmora.toml"
    original = store.load(path)
    app = home(FOLDER)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("end", *" (2026)", "ctrl+s")
        await pilot.pause()
        assert notes(app) == ["Saved the set-up of cooling-valmora.toml."]
    saved = store.load(path)
    assert saved.title == original.title + " (2026)"
    assert saved.entries == original.entries and saved.clock == original.clock
    assert "(2026)" in path.with_suffix(".md").read_text(encoding="utf-8")


async def test_edit_from_home_of_a_locked_file_says_so() -> None:
    path = FOLDER / "cooling-valmora.toml"
    before = path.read_bytes()
    app = home(FOLDER)
    with SessionFile.open(path):  # another c2c has it open
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("down", "e")
            await pilot.pause()
            assert not isinstance(app.screen, SetupScreen)
            [note] = notes(app)
            assert note.startswith("sessions/cooling-valmora.toml:") and "open" in note
    assert path.read_bytes() == before


async def test_quitting_while_editing_unlocks_the_file() -> None:
    path = FOLDER / "cooling-valmora.toml"
    app = home(FOLDER)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("down", "e", "end", "!", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)  # changes: ctrl+q does not throw them away
        assert notes(app)[-1].startswith("The set-up has unsaved changes")
        app.exit(None)  # however the app ends
    with SessionFile.open(path):  # the lock was released
        pass


async def test_a_renamed_team_shows_in_the_people_list_at_once() -> None:
    from c2c_tui.tui.widgets.record_table import RecordTable

    host = SetupHost(store.load(EXAMPLE))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await highlight(pilot, "setup-teams", "valmora")
        await pilot.press("e", "end", "ctrl+u", *"Valmora Heat Office", "enter")
        await pilot.press("f4")
        await pilot.pause()
        people = host.screen.query_one("#setup-people", RecordTable)
        teams_shown = {str(people.get_row_at(i)[1]) for i in range(people.row_count)}
        assert "Valmora Heat Office" in teams_shown
        assert "Valmora City Council" not in teams_shown
