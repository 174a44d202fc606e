"""The half-typed line and the Up history survive a crash and a restart (issue 12 §4): the draft reaches the
file once typing pauses (one save per pause, never one per key), the history when a line is entered, and a
new app on the file puts both back."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, screen_text, steady, wait_for  # noqa: F401
from textual.widgets import Input

from c2c_tui.core import store
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.run.app import C2CApp
from c2c_tui.tui.run.capture_bar import DRAFT_PAUSE, CaptureBar

pytestmark = pytest.mark.usefixtures("steady")

PAUSE = 0.5  # the bar's pause before it keeps the draft, shorter for the test (the app's: DRAFT_PAUSE)


async def wait_for_long(pilot, condition) -> None:  # type: ignore[no-untyped-def]
    await wait_for(pilot, condition, seconds=10.0)  # a save after a typing pause: slower on a busy machine


def bar(app: C2CApp) -> CaptureBar:
    return app.run_screen.query_one(CaptureBar)


def counting_saves(app: C2CApp) -> list[int]:
    """A list that grows by one each time the app marks the session changed (asks for a save)."""
    calls: list[int] = []
    changed = app.saver.changed

    def counted() -> None:
        calls.append(1)
        changed()

    app.saver.changed = counted  # type: ignore[method-assign]
    return calls


def test_the_app_waits_about_a_second() -> None:
    assert 0.5 <= DRAFT_PAUSE <= 1.5


async def test_a_half_typed_line_and_the_history_come_back_after_a_crash(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    path = session_file.path
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        bar(app).draft_pause = PAUSE
        await pilot.press(*"n: first line", "enter", *"s: second #sev", "enter", *"a: half [b] typ")
        # on a busy machine a pause may come mid-line too: wait for the whole line to be the draft
        await wait_for_long(
            pilot,
            lambda: (saved := store.load(path).capture) is not None and saved.draft == "a: half [b] typ",
        )
        saved = store.load(path).capture
        assert saved is not None
        assert saved.draft == "a: half [b] typ"
        assert saved.history == ["n: first line", "s: second #sev"]
        # no quit: the app is left as a crash leaves it (its last autosave is what is on disk)
    session_file.close()

    again_file = SessionFile.open(path)
    again = build(again_file, clock)
    try:
        async with again.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            line = again.query_one("#capture", Input)
            assert line.value == "a: half [b] typ"
            assert line.cursor_position == len(line.value)  # typing on continues the line
            assert "a: half [b] typ" in screen_text(again)
            assert "Restored the line you had not entered" in screen_text(again)
            await pilot.press("up")
            assert line.value == "s: second #sev"
            await pilot.press("up")
            assert line.value == "n: first line"
            await pilot.press("down", "down")
            assert line.value == "a: half [b] typ"
            await pilot.press(*"ed", "enter")
            assert again.session.actions[-1].text == "half [b] typed"
            await wait_for_long(pilot, lambda: not again.saver.unsaved)
    finally:
        again_file.close()
    saved = store.load(path).capture
    assert saved is not None
    assert saved.draft is None  # entered: the draft is used up
    assert saved.history == ["n: first line", "s: second #sev", "a: half [b] typed"]


async def test_typing_asks_for_one_save_per_pause_not_one_per_key(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            bar(app).draft_pause = DRAFT_PAUSE  # the app's own pause: room for a busy machine between keys
            saves = counting_saves(app)
            await pilot.press(*"n: twenty keys typed")  # each key well within the pause of the one before
            await pilot.pause(0.1)
            assert saves == []
            await wait_for_long(pilot, lambda: len(saves) == 1)
            await pilot.pause(0.8)
            assert len(saves) == 1  # and no more while nobody types
            await pilot.press("backspace")
            await wait_for_long(pilot, lambda: len(saves) == 2)
            assert app.session.capture is not None and app.session.capture.draft == "n: twenty keys type"
            await pilot.press("ctrl+u")  # the line emptied: the draft goes from the file too
            await wait_for_long(pilot, lambda: app.session.capture is None and not app.saver.unsaved)
    finally:
        session_file.close()
    assert "[capture]" not in session_file.path.read_text()


async def test_a_session_that_never_had_a_draft_is_written_unchanged(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    before = session_file.path.read_bytes()
    app = build(session_file, clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            bar(app).draft_pause = PAUSE
            await pilot.press(*"ab", "backspace", "backspace")  # typed and taken back within the pause
            await pilot.pause(0.4)
            await pilot.press("ctrl+s")
    finally:
        session_file.close()
    assert session_file.path.read_bytes() == before
