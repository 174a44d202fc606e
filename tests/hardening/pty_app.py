"""`c2c run FILE` in a real pseudo-terminal (80x24, TERM=xterm-256color), driven with bytes as a terminal
sends them: the helpers of the pty input tests (tests/hardening/test_pty_input*.py)."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

from first_frame import Process, first_frame

from c2c_tui.core.model import Session
from c2c_tui.core.reading import load

SIZE = (80, 24)
MARKER = "palette"  # the footer: the last row Textual paints
PASTE_START = b"\x1b[200~"
PASTE_END = b"\x1b[201~"


def start(path: Path) -> Process:
    """`python -m c2c_tui run PATH` in a pty, once its first full frame is up."""
    argv = [sys.executable, "-m", "c2c_tui", "run", str(path)]
    _, process = first_frame(argv, MARKER, env={"TZ": "UTC"}, timeout=60, size=SIZE)
    process.drain(0.3)  # the first frame settles (the capture line is focused)
    return process


def wait_exit(process: Process, timeout: float = 30.0) -> int:
    """Read what the app writes until it ends; its exit code (128 + N when signal N ended it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.fd], [], [], 0.05)
        if ready and not process._read():
            break
        done, status = os.waitpid(process.pid, os.WNOHANG)
        if done:
            process.drain(0.2)
            os.close(process.fd)
            return os.waitstatus_to_exitcode(status)
    else:
        os.kill(process.pid, signal.SIGKILL)
    _, status = os.waitpid(process.pid, 0)
    os.close(process.fd)
    return os.waitstatus_to_exitcode(status)


def quit_and_load(process: Process, path: Path) -> tuple[int, Session]:
    """ctrl+q, wait for the app to end, and read the file back."""
    process.send(b"\x11")
    code = wait_exit(process)
    return code, load(path)


def texts(session: Session) -> list[str]:
    return [entry.text for entry in session.entries]


def paste(text: str) -> bytes:
    """A bracketed paste, as a terminal sends it (line breaks as carriage returns, like xterm)."""
    return PASTE_START + text.replace("\n", "\r").encode() + PASTE_END
