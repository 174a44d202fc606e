"""kill -9 keeps the capture line (issue 12 §4): `c2c run FILE` in a real pty, two lines entered and half a
line typed, two seconds, then SIGKILL (no quit, no signal handler). The file holds the draft and the lines
entered; the next start shows the half line in the capture line, and Up recalls the lines entered before."""

from __future__ import annotations

import signal
import sys
import time
import tomllib
from pathlib import Path

import pytest
from first_frame import ANSI
from pty_app import quit_and_load, start, texts

from c2c_tui.core import store
from c2c_tui.core.model import Session

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs a pty and SIGKILL"
)

UP = b"\x1b[A"


def screen_since(process, mark: int) -> str:  # type: ignore[no-untyped-def]
    return ANSI.sub(b"", bytes(process.output[mark:])).decode("utf-8", "replace")


def wait_shown(process, mark: int, text: str, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while text not in screen_since(process, mark):
        assert time.monotonic() < deadline, f"{text!r} not on screen: {screen_since(process, mark)[-400:]!r}"
        process.drain(0.05)


def test_kill_9_keeps_the_half_typed_line_and_the_history(tmp_path: Path) -> None:
    path = tmp_path / "crash.toml"
    store.save(path, Session(title="Crash in the middle"))
    process = start(path)
    process.send(b"n: first entered\r")
    process.drain(0.1)
    process.send(b"i: second [b] entered\r")
    process.drain(0.1)
    process.send(b"half typed [b] li")
    process.drain(2.0)  # typing paused: the draft is kept (after about a second) and saved
    assert process.stop() == signal.SIGKILL  # killed: nothing ran on the way out

    kept = tomllib.loads(path.read_text())["capture"]
    assert kept == {"draft": "half typed [b] li", "history": ["n: first entered", "i: second [b] entered"]}

    again = start(path)
    assert "half typed [b] li" in again.text()  # back in the capture line
    mark = len(again.output)
    again.send(UP)
    wait_shown(again, mark, "i: second [b] entered")
    mark = len(again.output)
    again.send(UP)
    wait_shown(again, mark, "n: first entered")
    mark = len(again.output)
    again.send(b"\x1b[B\x1b[B")  # Down past the newest: the half line again, the cursor at its end
    wait_shown(again, mark, "half typed [b] li")
    again.send(b"ne\r")
    again.drain(0.3)
    code, session = quit_and_load(again, path)
    assert code == 0
    assert texts(session) == ["first entered", "second [b] entered", "half typed [b] line"]
    assert session.capture is not None and session.capture.draft is None
