"""The home screen of a big folder in a real pty (80x24): its first frame comes before the list (the heading
says it is reading the sessions), and a key typed at once, before the list is there, works on the list
once it is filled (End highlights the last row: its file name is in the lines under the table)."""

from __future__ import annotations

import os
import select
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from first_frame import ANSI, Process, first_frame
from home_support import small_session
from pty_app import wait_exit

from c2c_tui.core import store

SESSIONS = 201  # more than home_screen.FILL_LATER (200): a big folder
END = b"\x1b[F"


def big_folder(folder: Path) -> None:
    """``SESSIONS`` copies of one small session, w0000 the oldest (the last row, newest first)."""
    folder.mkdir()
    first = folder / "w0000.toml"
    store.save(first, small_session("Lyon: shade in schoolyards", date(2026, 10, 1)))
    data = first.read_bytes()
    first.with_suffix(".md").unlink()
    for n in range(SESSIONS):
        path = folder / f"w{n:04d}.toml"
        path.write_bytes(data)
        os.utime(path, (1_790_000_000 + n, 1_790_000_000 + n))


def wait_text(process: Process, text: str, seconds: float = 60.0) -> str:
    """Read until ``text`` is on screen (escape sequences left out); what was shown so far."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        shown = ANSI.sub(b"", bytes(process.output)).decode("utf-8", "replace")
        if text in shown:
            return shown
        ready, _, _ = select.select([process.fd], [], [], 0.05)
        if ready and not process._read():
            break
    raise AssertionError(f"no {text!r} on screen: {process.text()[-600:]!r}")


@pytest.mark.slow
def test_the_first_frame_before_the_list_and_a_key_typed_at_once_works_on_it(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    big_folder(folder)
    argv = [sys.executable, "-m", "c2c_tui", "--dir", str(folder)]
    _, process = first_frame(argv, "reading the sessions", env={"TZ": "UTC"}, timeout=30, size=(80, 24))
    try:
        process.send(END)  # at once: the list is not filled yet
        assert f"{SESSIONS} sessions" not in process.text()
        wait_text(process, f"{SESSIONS} sessions")
        wait_text(process, "w0000.toml")  # End went to the last row of the filled list
    except BaseException:
        process.stop()
        raise
    process.send(b"q")
    assert wait_exit(process) == 0
