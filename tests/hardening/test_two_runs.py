"""Two `c2c run` on one file: the second is refused with one line (exit 1) while the first runs, and the
file is untouched; once the first is gone (even killed), the file opens again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from first_frame import first_frame

from c2c_tui.core import store
from c2c_tui.core.model import Session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def c2c(*args: str) -> list[str]:
    return [sys.executable, "-m", "c2c_tui", *args]


def second_run(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        c2c("run", str(path)),
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm-256color"},
    )


def test_the_second_run_is_refused_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.toml"
    store.save(path, Session(title="One writer"))
    _, first = first_frame(c2c("run", str(path)), "palette", timeout=60)
    try:
        before = path.read_bytes()
        result = second_run(path)
        assert result.returncode == 1
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"c2c: {path}: already open in another c2c (pid {first.pid} ")
        assert "c2c follow" in lines[0]
        assert result.stdout == ""
        assert path.read_bytes() == before
    finally:
        first.stop()  # SIGKILL: the lock dies with the process
    assert first.text().count("palette") >= 1
    _, again = first_frame(c2c("run", str(path)), "palette", timeout=60)
    again.stop()
