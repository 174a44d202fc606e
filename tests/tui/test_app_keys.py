"""Saving, quitting, the wall view, the help screen, the command palette and literal user text."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, screen_text, steady, wait_for  # noqa: F401

from c2c_tui.core import store
from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.commands import COMMANDS
from c2c_tui.tui.run.help import HelpScreen, help_plain
from c2c_tui.tui.run.run_screen import RunScreen
from c2c_tui.tui.run.wall import WallScreen
from c2c_tui.tui.widgets.big_clock import BigClock

pytestmark = pytest.mark.usefixtures("steady")

MARKUP = "[bold]x[/] [link=https://e.org]y[/link] [@click=app.quit]z[/]"


async def test_capture_is_saved_by_itself_with_the_summary(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    path = session_file.path
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"s: Seville opens libraries late", "enter")
        await wait_for(pilot, lambda: "Seville opens libraries late" in path.read_text())
        assert "Seville opens libraries late" in path.with_suffix(".md").read_text()
        assert "saved 09:00:00" in screen_text(app)


async def test_ctrl_s_writes_the_file_and_the_markdown(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.title = "Renamed by hand"
        await pilot.press("ctrl+s")
        assert store.load(session_file.path).title == "Renamed by hand"
        assert "Renamed by hand" in session_file.path.with_suffix(".md").read_text()


async def test_ctrl_q_saves_everything_and_quits(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", *"n: last words", "enter", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    saved = store.load(session_file.path)
    assert [e.text for e in saved.entries] == ["last words"]
    assert [e.event for e in saved.clock] == ["start"]


async def test_markup_like_text_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]odd [@click=app.quit]q"
    folder.mkdir()
    session_file, clock = fresh(folder, title=MARKUP)
    app = build(session_file, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.query_one("#capture").value = f"n: {MARKUP}"
        await pilot.press("enter")
        await pilot.press("ctrl+s")  # the notification names the path with its brackets
        await pilot.pause()
        text = screen_text(app)
        assert MARKUP in text  # the title in the status line
        assert app.is_running
    assert store.load(session_file.path).entries[0].text == MARKUP


async def test_wall_view_keeps_the_clock_keys_and_any_other_key_returns(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, WallScreen)
        await pilot.press("f5", "pagedown")
        assert isinstance(app.screen, WallScreen)
        assert app.clock_state().state == "running" and app.current_phase == "context"
        assert app.screen.query_one(BigClock).word == "TIME LEFT"
        assert "PART 1" in screen_text(app)
        await pilot.press("x")
        assert isinstance(app.screen, RunScreen)
        assert app.screen.query_one("#capture").value == ""  # the key that left did not type
        await pilot.press("f2", "escape")
        assert isinstance(app.screen, RunScreen)


async def test_help_shows_every_key(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = help_plain(width=300)
        for command in COMMANDS:
            assert command.description in text
        for binding in CaptureBar.BINDINGS:  # the capture line's own keys, read from its BINDINGS
            assert binding.description in text
        await pilot.press("escape")
        assert isinstance(app.screen, RunScreen)


async def test_command_palette_reaches_the_commands(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"Start, pause", "enter")
        await wait_for(pilot, lambda: app.clock_state().state == "running")
        await pilot.press("ctrl+p", *"Add 5", "enter")
        await wait_for(pilot, lambda: app.clock_state().budget_seconds == 15 * 60)


async def test_projector_theme_is_the_default_and_others_stay(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)):
        assert app.theme == "c2c-projector"
        assert "textual-light" in app.available_themes


async def test_no_color_keeps_the_states_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await pilot.press("f5")
        app.clock.advance(10 * 60 + 5)
        app.tick()
        await pilot.pause()
        assert "OVER" in screen_text(app)


async def test_the_palette_quit_saves_too(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"n: kept", "enter")
        await app.action_quit()  # what the palette's built-in "Quit" runs
        await pilot.pause()
    assert app.return_code == 0
    assert [e.text for e in store.load(session_file.path).entries] == ["kept"]
