"""The clicker keys (F5, PageDown, PageUp) act after the keys typed before them, through a real pty.

They are priority keys: the app takes them as soon as they are read, while a line typed just before may
still wait in the capture line. A note entered and PageDown pressed in one read (a clicker macro, a fast
note-taker, ssh) must land in the phase it was typed in, and the clock then moves on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pty_app import quit_and_load, start

from c2c_tui.core import store
from c2c_tui.core.clock import state_of
from c2c_tui.core.model import Session, Team

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")

F5 = b"\x1b[15~"
PAGE_DOWN = b"\x1b[6~"
PAGE_UP = b"\x1b[5~"


def new_session(tmp_path: Path) -> Path:
    path = tmp_path / "clicker.toml"
    store.save(path, Session(title="Clicker", teams=[Team(id="t1", name="Valmora", role="seeking")]))
    return path


def test_a_line_entered_right_before_page_down_stays_in_its_phase(tmp_path: Path) -> None:
    path = new_session(tmp_path)
    process = start(path)
    process.send(F5)  # start the clock in the first phase
    process.drain(0.5)
    process.send(b"n: typed in rapport\r" + PAGE_DOWN + b"n: typed in context\r" + PAGE_UP)
    process.drain(1.0)
    code, session = quit_and_load(process, path)
    assert code == 0
    placed = [(entry.text, entry.phase) for entry in session.entries]
    assert placed == [("typed in rapport", "rapport"), ("typed in context", "context")]
    assert state_of(session, session.clock[-1].at).phase == "rapport"  # PageDown, then PageUp


def test_f5_right_after_a_line_starts_the_clock_after_it(tmp_path: Path) -> None:
    path = new_session(tmp_path)
    process = start(path)
    process.send(b"n: before the start\r" + F5 + PAGE_DOWN)
    process.drain(1.0)
    code, session = quit_and_load(process, path)
    assert code == 0
    assert [(e.text, e.phase) for e in session.entries] == [("before the start", "rapport")]
    assert [event.event for event in session.clock][:2] == ["start", "next"]
