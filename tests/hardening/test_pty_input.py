"""Type-ahead and paste through a real pseudo-terminal: what is entered is exactly what was typed before
each Enter, in order, none lost or merged; a paste gives one entry per non-empty line, kept literally.

Each test starts `python -m c2c_tui run FILE` in a pty (tests/hardening/pty_app.py), writes bytes as a
fast typist, a paste or a clicker macro reaches a terminal (several keys in one read), quits with ctrl+q
and reads the file back.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import tomllib
from pathlib import Path

import pytest
from pty_app import paste, quit_and_load, start, texts, wait_exit

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.reading import load

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def new_session(tmp_path: Path) -> Path:
    path = tmp_path / "typed.toml"
    store.save(path, Session(title="Typed fast"))
    return path


def test_enter_and_the_next_keys_in_one_read(tmp_path: Path) -> None:
    """Each line's last two characters, Enter and the next line's first two arrive in ONE write."""
    path = new_session(tmp_path)
    lines = [f"note {n} ok" for n in range(1, 21)]
    process = start(path)
    process.send(lines[0][:-2].encode())
    for line, following in zip(lines, [*lines[1:], ""]):
        process.send((line[-2:] + "\r" + following[:2]).encode())
        time.sleep(0.02)
        if following:
            process.send(following[2:-2].encode())
        process.drain(0.02)
    code, session = quit_and_load(process, path)
    assert code == 0
    assert texts(session) == lines


def test_ten_lines_in_one_write(tmp_path: Path) -> None:
    path = new_session(tmp_path)
    process = start(path)
    process.send(b"".join(f"n: burst i{n}\r".encode() for n in range(10)))
    process.drain(0.5)
    code, session = quit_and_load(process, path)
    assert code == 0
    assert texts(session) == [f"burst i{n}" for n in range(10)]
    assert {entry.kind for entry in session.entries} == {"note"}


def test_a_pasted_block_gives_one_entry_per_line(tmp_path: Path) -> None:
    path = new_session(tmp_path)
    process = start(path)
    block = "\n".join(f"{'i: ' if n % 2 else ''}pasted line {n}" for n in range(10))
    process.send(paste(block + "\n\n"))  # a trailing newline and a blank line: no empty entry
    process.drain(0.5)
    code, session = quit_and_load(process, path)
    assert code == 0
    assert texts(session) == [f"pasted line {n}" for n in range(10)]
    assert [entry.kind for entry in session.entries] == ["note", "idea"] * 5


def test_a_paste_with_an_esc_byte_arrives_literally(tmp_path: Path) -> None:
    path = new_session(tmp_path)
    process = start(path)
    process.send(paste("LONEESC a\x1bb c"))
    process.drain(0.5)
    assert "LONEESC a\u241bb c" in process.text()  # the capture line shows the ESC as a picture of it
    process.send(b"\r")
    process.drain(0.3)
    code, session = quit_and_load(process, path)
    assert code == 0
    assert texts(session) == ["LONEESC a\x1bb c"]


def test_ctrl_q_keeps_a_half_typed_line_for_the_next_start(tmp_path: Path) -> None:
    path = new_session(tmp_path)
    process = start(path)
    process.send(b"n: entered\rhalf typed [b]")
    process.drain(0.3)
    code, session = quit_and_load(process, path)
    assert code == 0
    assert texts(session) == ["entered"]
    again = start(path)
    assert "half typed [b]" in again.text()  # back in the capture line
    again.send(b" done\r")
    again.drain(0.3)
    code, session = quit_and_load(again, path)
    assert code == 0
    assert texts(session) == ["entered", "half typed [b] done"]
    kept = tomllib.loads(path.read_text())["capture"]  # entered: the draft is gone, the line in the history
    assert kept == {"history": ["n: entered", "half typed [b] done"]}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_saves_what_was_just_entered_and_restores_the_terminal(tmp_path: Path, signum: int) -> None:
    path = new_session(tmp_path)
    process = start(path)
    process.send(b"n: just entered\rnot entered")
    time.sleep(0.01)
    os.kill(process.pid, signum)
    code = wait_exit(process)
    assert code == 128 + signum
    session = load(path)
    assert texts(session) == ["just entered"]
    assert tomllib.loads(path.read_text())["capture"] == {
        "draft": "not entered",
        "history": ["n: just entered"],
    }
    tail = bytes(process.output).rsplit(b"\x1b[?1049h", 1)[-1]
    assert b"\x1b[?1049l" in tail and b"\x1b[?25h" in tail  # left the alternate screen, cursor shown
    assert tail.index(b"\x1b[?25h") > tail.rindex(b"\x1b[?25l")
    assert f"quit on {signal.Signals(signum).name} with everything saved".encode() in process.output
