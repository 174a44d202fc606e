"""Issue 10 §3: a hostile session file (every text field holds a window-title, clipboard, clear-screen and
hyperlink sequence, a bidi override and a C1 CSI) run in a real pty: the only escape sequences that reach
the terminal are Textual's own, and the text is shown, visibly neutralised."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from first_frame import first_frame
from hostile import hostile_file

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a pty"),
    pytest.mark.slow,
]

PAGE_DOWN, ENTER, ESCAPE = "\x1b[6~", "\r", "\x1b"
# sequences user text would have made: window title, clipboard, link, C1 CSI, bidi override and isolate
FORBIDDEN = (b"\x1b]0;", b"\x1b]52;", b"\x1b]8;", b"\x1b[2J", "\x9b".encode(), "\u202e".encode())
FORBIDDEN += ("\u2066".encode(),)


def screen_bytes(argv: list[str], marker: str, keys: list[str]) -> bytes:
    size = (250, 40)  # wide enough that the follow status line shows the title's payload
    _, process = first_frame([sys.executable, "-m", "c2c_tui", *argv], marker, timeout=60, size=size)
    try:
        process.drain(1.0)
        for key in keys:
            process.send(key.encode())
            process.drain(0.8)
    finally:
        process.stop()
    return bytes(process.output)


def assert_only_textual_sequences(output: bytes) -> None:
    found = [pattern for pattern in FORBIDDEN if pattern in output]
    assert not found, f"user text drove the terminal: {found!r}"
    assert output.count(b"\x07") == output.count(b"\x1b]22;")  # the one BEL ends Textual's pointer shape
    assert "\u241b]0;PWNED\u2407".encode() in output  # shown, not acted on


@pytest.mark.parametrize(
    ("command", "marker", "keys"),
    [
        ("run", "palette", [PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, ESCAPE]),  # every part, the item list
        ("follow", "q quits", []),
        ("review", "palette", [ENTER]),  # the list, then one session's actions and summary
    ],
)
def test_the_screens_show_hostile_text_inert(
    tmp_path: Path, command: str, marker: str, keys: list[str]
) -> None:
    path = hostile_file(tmp_path)
    argv = [command, str(tmp_path if command == "review" else path)]
    assert_only_textual_sequences(screen_bytes(argv, marker, keys))
