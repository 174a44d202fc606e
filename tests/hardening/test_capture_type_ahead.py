"""The capture line under keys that arrive together (Pilot, with the keys posted as the driver does, all
at once, without waiting between them), a multi-line paste, and the paste parser that keeps an ESC byte.

The real-terminal runs of the same cases are in test_pty_input.py."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from capture_harness import CaptureApp
from textual import events
from textual.widgets import Input

from c2c_tui.core import store
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.model import Session
from c2c_tui.core.reading import load
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.run.app import make_app


def post_keys(app: CaptureApp, text: str) -> None:
    """Every character as one key event, posted at once (as the driver posts the keys of one read)."""
    for char in text:
        if char == "\r":
            app.post_message(events.Key("enter", "\r"))
        else:
            app.post_message(events.Key(char if char.isalnum() else f"chr{ord(char)}", char))


def texts(app: CaptureApp) -> list[str]:
    return [entry.text for entry in app.session.entries]


async def test_keys_after_enter_start_the_next_line() -> None:
    app = CaptureApp(phase="rapport")
    async with app.run_test() as pilot:
        post_keys(app, "".join(f"n: burst {n}\r" for n in range(5)) + "next")
        await pilot.pause()
        assert texts(app) == [f"burst {n}" for n in range(5)]
        assert app.query_one("#capture", Input).value == "next"


async def test_a_multi_line_paste_gives_one_entry_per_line_refused_lines_stay() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test() as pilot:
        line = app.query_one("#capture", Input)
        line.insert_text_at_cursor("s: ")
        app.post_message(events.Paste("first #seville\r\n\ri: second\nn:\nthird"))
        await pilot.pause()
        assert texts(app) == ["first", "second", "third"]
        assert [entry.kind for entry in app.session.entries] == ["surprise", "idea", "surprise"]
        assert app.session.entries[0].team == "seville"
        assert line.value == "n:"  # refused (nothing to add): kept, not lost
        await pilot.press(*" kept", "enter")
        assert texts(app)[-1] == "kept"
        assert line.value == ""


async def test_a_one_line_paste_is_inserted_literally_and_not_entered() -> None:
    app = CaptureApp(phase="rapport")
    async with app.run_test() as pilot:
        app.post_message(events.Paste("a\x1bb [c]"))
        await pilot.pause()
        assert app.query_one("#capture", Input).value == "a\x1bb [c]"
        assert texts(app) == []
        await pilot.press("enter")
        assert texts(app) == ["a\x1bb [c]"]


def test_control_characters_are_shown_as_pictures_one_for_one() -> None:
    from c2c_tui.tui.run.capture_input import shown

    assert shown("a\x1bb\tc\x7f\x9b") == "a\u241bb\u2409c\u2421\ufffd"


def parse(*reads: str) -> list[events.Event]:
    from c2c_tui.tui.run.paste_driver import LiteralPasteParser

    parser = LiteralPasteParser()
    found = [event for data in reads for event in parser.feed(data)]
    return [event for event in found if isinstance(event, (events.Key, events.Paste))]


@pytest.mark.parametrize(
    "reads",
    [
        ["\x1b[200~LONEESC a\x1bb c\x1b[201~"],
        ["\x1b[20", "0~LONEESC a\x1bb c\x1b[2", "01~"],  # markers split over reads
        ["\x1b[200~LONEESC a\x1b", "b c\x1b[201~"],
    ],
)
def test_the_paste_parser_keeps_every_byte_of_a_paste(reads: list[str]) -> None:
    found = parse(*reads, "x")
    assert isinstance(found[0], events.Paste) and found[0].text == "LONEESC a\x1bb c"
    assert [event.key for event in found[1:] if isinstance(event, events.Key)] == ["x"]


def test_the_paste_parser_leaves_keys_to_textual() -> None:
    found = parse("ab\x1b[A\r")
    assert [event.key for event in found if isinstance(event, events.Key)] == ["a", "b", "up", "enter"]


async def test_ctrl_q_right_behind_typed_keys_saves_them_and_keeps_the_draft(tmp_path: Path) -> None:
    """ctrl+q is a priority key (handled as soon as it is read): it still waits for the keys before it."""
    path = tmp_path / "q.toml"
    store.save(path, Session(title="Quick quit"))
    session_file = SessionFile.open(path)
    app = make_app(session_file, clock=FakeClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC)))
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            post_keys(app, "n: one\rn: two\rhalf typed")
            app.post_message(events.Key("ctrl+q", None))
            await pilot.pause()
    finally:
        session_file.close()
    saved = load(path)
    assert [entry.text for entry in saved.entries] == ["one", "two"]
    assert saved.capture is not None and saved.capture.draft == "half typed"
